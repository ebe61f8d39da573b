"""Elasticsearch at scale, through elasticsearch.dsl (elasticsearch-py 9).

One index per content type (story, gallery, feed item) behind an alias, so a rebuild fills
a new index and swaps the alias without downtime. Per-language fields carry the right
analyzer: ICU tokenizer and folding for Vietnamese, Lao, Khmer, Japanese and the rest,
smartcn for Chinese, the built-in thai tokenizer for Thai. The cluster needs the
analysis-icu and analysis-smartcn plugins.
"""

import time

from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import Index, Q, Search, analyzer, tokenizer

from .. import conf
from .base import Hit, SearchQuery, SearchResults

KINDS = ("story", "gallery", "feed_item")
LANGUAGES = ("vi", "en", "zh-hans", "lo", "km", "th", "ja", "ko", "fr", "ru", "es")

icu_text = analyzer("icu_text", tokenizer="icu_tokenizer", filter=["lowercase"])
icu_folded = analyzer("icu_folded", tokenizer="icu_tokenizer", filter=["icu_folding"])
chinese = analyzer("chinese", tokenizer="smartcn_tokenizer", filter=["lowercase"])
thai = analyzer("thai_words", tokenizer=tokenizer("thai_tok", "thai"), filter=["lowercase"])

ANALYZERS = {"zh-hans": chinese, "th": thai}


def field_name(base: str, language: str) -> str:
    return f"{base}_{language.replace('-', '_')}"


def mapping_properties() -> dict:
    properties = {
        "kind": {"type": "keyword"},
        "object_id": {"type": "long"},
        "language": {"type": "keyword"},
        "section": {"type": "keyword"},
        "province": {"type": "keyword"},
        "date": {"type": "date"},
        "url": {"type": "keyword", "index": False},
        "title": {"type": "text", "index": False},
        "body": {"type": "text", "index": False},
    }
    for language in LANGUAGES:
        main = ANALYZERS.get(language, icu_text)
        for base in ("title", "body"):
            properties[field_name(base, language)] = {
                "type": "text",
                "analyzer": main._name,
                "fields": {"folded": {"type": "text", "analyzer": icu_folded._name}},
            }
    return properties


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    for item in (icu_text, icu_folded, chinese, thai):
        index.analyzer(item)
    return index


def index_body(name: str) -> dict:
    """The settings and mappings of one physical index, as sent to Elasticsearch."""
    body = index_definition(name).to_dict()
    body["mappings"] = {"dynamic": "strict", "properties": mapping_properties()}
    return body


def alias_name(kind: str) -> str:
    return f"{conf.get('ELASTICSEARCH_INDEX_PREFIX')}-{kind}"


def analysed_as(language: str) -> str:
    """The language whose analysed fields hold ``language``'s text: English for a language
    without an analyser of its own (Ê Đê and other languages added by settings)."""
    return language if language in LANGUAGES else "en"


def build_search(query: SearchQuery) -> Search:
    """The search sent to the aliases of the kinds asked for; see the golden tests."""
    kinds = query.kinds or KINDS
    languages = [analysed_as(query.language)] if query.language else list(LANGUAGES)
    fields = []
    for language in languages:
        fields += [
            f"{field_name('title', language)}^3",
            f"{field_name('title', language)}.folded^2",
        ]
        fields += [field_name("body", language), f"{field_name('body', language)}.folded"]
    musts = []
    for term in query.terms:
        musts.append(Q("multi_match", query=" ".join(term.tokens), type="phrase", fields=fields))
    exact = [f for f in fields if ".folded" not in f]
    should = [
        Q("multi_match", query=" ".join(query.whole.tokens), type="phrase", fields=exact, boost=4)
    ]
    filters = []
    if query.language:
        filters.append(Q("term", language=query.language))
    if query.section:
        filters.append(Q("term", section=query.section))
    if query.province:
        filters.append(Q("term", province=query.province))
    if query.date_from or query.date_to:
        bounds = {}
        if query.date_from:
            bounds["gte"] = query.date_from.isoformat()
        if query.date_to:
            bounds["lte"] = query.date_to.isoformat()
        filters.append(Q("range", date=bounds))
    search = Search(index=[alias_name(kind) for kind in kinds])
    search = search.query(Q("bool", must=musts, should=should, filter=filters))
    search = search.highlight(
        *[f.split("^")[0] for f in fields], fragment_size=160, number_of_fragments=1
    )
    search.aggs.bucket("kinds", "terms", field="kind")
    return search.extra(from_=query.offset, size=query.limit, track_total_hits=True)


def source_document(document: dict) -> dict:
    fields = document["fields"]
    language = fields["language"]
    province = document.get("province_code", "")
    date = fields.get("date")
    return {
        "kind": document["kind"],
        "object_id": document["object_id"],
        "language": language,
        "section": fields.get("section", ""),
        "province": province,
        "date": date.isoformat() if date else None,
        "url": fields["url"],
        "title": fields["title"],
        "body": fields["body"],
        field_name("title", analysed_as(language)): fields["title_exact"],
        field_name("body", analysed_as(language)): fields["body_exact"],
    }


class ElasticsearchBackend:
    def __init__(self, client: Elasticsearch | None = None):
        self.client = client or Elasticsearch(conf.get("ELASTICSEARCH_URL"), request_timeout=10)

    def ensure_indexes(self) -> None:
        for kind in KINDS:
            if not self.client.indices.exists_alias(name=alias_name(kind)):
                self._create_and_point(kind)

    def _create_and_point(self, kind: str) -> str:
        name = f"{alias_name(kind)}-{int(time.time() * 1000)}"
        self.client.indices.create(index=name, body=index_body(name))
        actions = [{"add": {"index": name, "alias": alias_name(kind)}}]
        if self.client.indices.exists_alias(name=alias_name(kind)):
            for old in self.client.indices.get_alias(name=alias_name(kind)):
                actions.insert(0, {"remove": {"index": old, "alias": alias_name(kind)}})
        self.client.indices.update_aliases(actions=actions)
        return name

    def index(self, documents: list[dict]) -> None:
        self.ensure_indexes()
        actions = (
            {
                "_index": alias_name(doc["kind"]),
                "_id": doc["object_id"],
                "_source": source_document(doc),
            }
            for doc in documents
        )
        helpers.bulk(self.client, actions, refresh="wait_for")

    def delete(self, keys: list[tuple[str, int]]) -> None:
        actions = (
            {"_op_type": "delete", "_index": alias_name(kind), "_id": object_id}
            for kind, object_id in keys
        )
        helpers.bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def clear(self) -> None:
        """Start a fresh index per kind and swap the aliases (the old ones are dropped)."""
        for kind in KINDS:
            old = (
                list(self.client.indices.get_alias(name=alias_name(kind)))
                if self.client.indices.exists_alias(name=alias_name(kind))
                else []
            )
            self._create_and_point(kind)
            for name in old:
                self.client.indices.delete(index=name)

    def search(self, query: SearchQuery) -> SearchResults:
        response = build_search(query).using(self.client).execute()
        hits = [
            Hit(
                h.kind, h.object_id, h.language, h.title, h.body, h.url, h.date, h.meta.score or 0.0
            )
            for h in response
        ]
        counts = {bucket.key: bucket.doc_count for bucket in response.aggregations.kinds.buckets}
        return SearchResults(hits, response.hits.total.value, counts, query)

    def suggest(self, prefix: str, language: str | None, limit: int = 8) -> list[str]:
        fields = (
            [f"{field_name('title', analysed_as(language))}.folded"]
            if language
            else [f"{field_name('title', lang)}.folded" for lang in LANGUAGES]
        )
        search = Search(index=[alias_name(kind) for kind in KINDS]).using(self.client)
        search = search.query(Q("multi_match", query=prefix, type="phrase_prefix", fields=fields))[
            :limit
        ]
        return [hit.title for hit in search.execute()]
