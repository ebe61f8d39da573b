"""The embedded default: full-text search in the site's own database over segmented text.

SQLite: an FTS5 table whose tokenizer keeps combining marks inside words
(``unicode61 remove_diacritics 0 categories 'L* N* Co M*'``); the shipped tokenizer cuts
Lao, Khmer and Thai at every vowel sign. PostgreSQL: tsvectors under a ``simple`` +
``unaccent`` configuration (``vnip_search``). Both are maintained by the database itself
(triggers, generated columns) from the columns of SearchDocument.
"""

from django.db import connection, transaction
from django.utils import timezone

from ..models import SearchDocument
from .base import Hit, SearchQuery, SearchResults

FIELDS = (
    "title_exact", "title_folded", "title_grams", "body_exact", "body_folded", "body_grams",
)  # fmt: skip
WEIGHTS = "10.0, 5.0, 4.0, 3.0, 1.0, 1.0"
SQLITE_CAP = 2000  # ranked rows fetched in one pass


def _fts_phrase(tokens) -> str:
    return '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'


class DatabaseBackend:
    @property
    def vendor(self) -> str:
        return connection.vendor

    # Indexing ---------------------------------------------------------------------------
    def index(self, documents: list[dict]) -> None:
        with transaction.atomic():
            for document in documents:
                SearchDocument.objects.update_or_create(
                    kind=document["kind"],
                    object_id=document["object_id"],
                    defaults=document["fields"],
                )

    def delete(self, keys: list[tuple[str, int]]) -> None:
        for kind, object_id in keys:
            SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()

    def clear(self) -> None:
        SearchDocument.objects.all().delete()

    # Searching --------------------------------------------------------------------------
    def _filters(self, query: SearchQuery) -> tuple[list[str], list]:
        where, params = [], []
        if query.language:
            where.append("d.language = %s")
            params.append(query.language)
        if query.kinds:
            where.append("d.kind IN (" + ", ".join(["%s"] * len(query.kinds)) + ")")
            params += list(query.kinds)
        if query.section:
            where.append("d.section = %s")
            params.append(query.section)
        if query.province:
            where.append("d.province_id = (SELECT id FROM taxonomy_province WHERE code = %s)")
            params.append(query.province)
        if query.date_from:
            where.append("d.date >= %s")
            params.append(
                timezone.make_aware(
                    timezone.datetime.combine(query.date_from, timezone.datetime.min.time())
                )
            )
        if query.date_to:
            where.append("d.date <= %s")
            params.append(
                timezone.make_aware(
                    timezone.datetime.combine(query.date_to, timezone.datetime.max.time())
                )
            )
        return where, params

    def _sqlite_match(self, query: SearchQuery) -> str:
        conditions = []
        for term in query.terms:
            options = [f"{{title_folded body_folded}} : {_fts_phrase(term.folded)}"]
            if term.needs_grams and term.grams:
                options.append(f"{{title_grams body_grams}} : {_fts_phrase(term.grams)}")
            conditions.append("(" + " OR ".join(options) + ")")
        matched = " AND ".join(conditions)
        if query.whole.tokens == query.whole.folded:
            return matched  # nothing to fold: exact and loose matches are the same
        # OR-ing the exact phrase with the same condition keeps the matches and makes bm25
        # score documents with the exact (accented) phrase higher.
        exact = f"{{title_exact body_exact}} : {_fts_phrase(query.whole.tokens)}"
        return f"{matched} AND ({exact} OR ({matched}))"

    def _sqlite(self, query: SearchQuery):
        """FTS5 runs first (a materialised CTE); filters then apply to its matches. Left to
        itself, SQLite's planner may walk the language index and probe FTS5 once per row."""
        where, params = self._filters(query)
        hits = (
            "WITH hits AS MATERIALIZED (SELECT rowid AS id, "
            f"bm25(search_fts, {WEIGHTS}) AS score FROM search_fts WHERE search_fts MATCH %s) "
        )
        base = "FROM hits JOIN site_search_searchdocument d ON d.id = hits.id" + (
            " WHERE " + " AND ".join(where) if where else ""
        )
        params = [self._sqlite_match(query), *params]
        select = (
            f"{hits}SELECT d.id, d.kind, hits.score {base} "
            "ORDER BY hits.score, d.date DESC LIMIT %s OFFSET %s"
        )
        counts = f"{hits}SELECT d.kind, COUNT(*) {base} GROUP BY d.kind"
        return select, params, counts, params

    def _postgres(self, query: SearchQuery):
        where, params = self._filters(query)
        conditions, cond_params = [], []
        for term in query.terms:
            option = "d.folded_vec @@ phraseto_tsquery('vnip_search', %s)"
            args = [term.exact_text]
            if term.needs_grams and term.grams:
                option = f"({option} OR d.grams_vec @@ phraseto_tsquery('simple', %s))"
                args.append(term.grams_text)
            conditions.append(option)
            cond_params += args
        rank = (
            "ts_rank(d.exact_vec, phraseto_tsquery('simple', %s)) * 4 + "
            "ts_rank(d.folded_vec, plainto_tsquery('vnip_search', %s)) + "
            "ts_rank(d.grams_vec, phraseto_tsquery('simple', %s))"
        )
        rank_params = [query.whole.exact_text, query.whole.exact_text, query.whole.grams_text]
        base = "FROM site_search_searchdocument d WHERE " + " AND ".join(conditions + where)
        select = (
            f"SELECT d.id, {rank} AS score {base} "
            "ORDER BY score DESC, d.date DESC NULLS LAST LIMIT %s OFFSET %s"
        )
        counts = f"SELECT d.kind, COUNT(*) {base} GROUP BY d.kind"
        return select, rank_params + cond_params + params, counts, cond_params + params

    def search(self, query: SearchQuery) -> SearchResults:
        if self.vendor == "postgresql":
            select, params, counts_sql, counts_params = self._postgres(query)
            with connection.cursor() as cursor:
                cursor.execute(counts_sql, counts_params)
                counts = dict(cursor.fetchall())
                cursor.execute(select, [*params, query.limit, query.offset])
                ranked = cursor.fetchall()
        else:
            ranked, counts = self._sqlite_ranked(query)
        documents = SearchDocument.objects.in_bulk([row[0] for row in ranked])
        hits = [
            Hit(d.kind, d.object_id, d.language, d.title, d.body, d.url, d.date, float(score))
            for pk, score in ranked
            if (d := documents.get(pk))
        ]
        return SearchResults(hits, sum(counts.values()), counts, query)

    def _sqlite_ranked(self, query: SearchQuery):
        """One FTS5 pass gives the ranking and the counts; only a very common word needs a
        second pass to count past the cap."""
        select, params, counts_sql, counts_params = self._sqlite(query)
        with connection.cursor() as cursor:
            cursor.execute(select, [*params, SQLITE_CAP, 0])
            rows = cursor.fetchall()
            if len(rows) < SQLITE_CAP:
                counts: dict[str, int] = {}
                for _pk, kind, _score in rows:
                    counts[kind] = counts.get(kind, 0) + 1
            else:
                cursor.execute(counts_sql, counts_params)
                counts = dict(cursor.fetchall())
        window = rows[query.offset : query.offset + query.limit]
        return [(pk, score) for pk, _kind, score in window], counts

    def suggest(self, prefix: str, language: str | None, limit: int = 8) -> list[str]:
        from ..segmentation import prepare

        prepared = prepare(prefix)
        if not prepared.tokens:
            return []
        documents = SearchDocument.objects.all()
        if language:
            documents = documents.filter(language=language)
        if self.vendor == "postgresql":
            words = [t.replace("'", "''").replace("\\", "") for t in prepared.folded]
            tsquery = (
                " & ".join(f"'{w}'" for w in words[:-1])
                + (" & " if len(words) > 1 else "")
                + f"'{words[-1]}':*"
            )
            documents = documents.extra(
                where=["folded_vec @@ to_tsquery('vnip_search', %s)"], params=[tsquery]
            )
        else:
            match = " AND ".join(_fts_phrase([t]) for t in prepared.folded[:-1])
            last = _fts_phrase([prepared.folded[-1]]) + "*"
            expression = f"{{title_folded}} : ({match + ' AND ' if match else ''}{last})"
            if prepared.needs_grams and prepared.grams:
                expression = f"({expression}) OR {{title_grams}} : {_fts_phrase(prepared.grams)}"
            documents = documents.extra(
                where=["id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"],
                params=[expression],
            )
        return list(documents.order_by("-date").values_list("title", flat=True)[:limit])
