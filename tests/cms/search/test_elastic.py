"""The Elasticsearch mapping and queries we generate, compared with expected JSON; and a
live suite that runs only where ELASTICSEARCH_URL points at a cluster (none can be
installed on the development machines)."""

import json
import os
from datetime import date
from pathlib import Path

import pytest

from cms.search.backends.base import SearchQuery
from cms.search.backends.elastic import build_search, index_body
from cms.search.query import parse

GOLDEN = Path(__file__).parent / "golden"
QUERIES = {
    "vi_word_with_filters": SearchQuery(
        "Hà Nội", language="vi", kinds=("story",), province="hanoi", date_from=date(2025, 1, 1)
    ),
    "lo_all_languages": SearchQuery("ວຽງຈັນ"),
    "zh_section_page_two": SearchQuery("下龙湾", language="zh-hans", section="tourism", offset=10),
}


def check(name: str, data: dict):
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    assert json.loads(json.dumps(data)) == json.loads(path.read_text())


def test_index_mapping():
    body = index_body("vnip-story-1")
    check("es_index", body)
    analyzers = body["settings"]["analysis"]["analyzer"]
    assert analyzers["icu_folded"]["filter"] == ["icu_folding"]
    assert analyzers["chinese"]["tokenizer"] == "smartcn_tokenizer"
    assert body["mappings"]["properties"]["title_th"]["analyzer"] == "thai_words"
    assert (
        body["mappings"]["properties"]["title_lo"]["fields"]["folded"]["analyzer"] == "icu_folded"
    )


@pytest.mark.parametrize("name", list(QUERIES))
def test_queries(name):
    search = build_search(parse(QUERIES[name]))
    check(f"es_query_{name}", {"index": search._index, "body": search.to_dict()})


@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="no Elasticsearch server on this machine; set ELASTICSEARCH_URL to run",
)
@pytest.mark.django_db
def test_live_cluster(settings):
    from cms.search.backends.elastic import ElasticsearchBackend
    from cms.search.documents import _fields

    settings.ELASTICSEARCH_INDEX_PREFIX = "vnip-test"
    backend = ElasticsearchBackend()
    backend.clear()
    sentence = "Hà Nội là thủ đô của Việt Nam."
    backend.index(
        [
            {
                "kind": "story",
                "object_id": 1,
                "fields": {
                    "language": "vi",
                    "title": sentence,
                    "body": "",
                    "url": "/vi/1/",
                    "section": "",
                    "date": None,
                    **_fields(sentence, ""),
                },
            }
        ]
    )
    results = backend.search(parse(SearchQuery("Ha Noi", language="vi")))
    assert [hit.object_id for hit in results.hits] == [1]
