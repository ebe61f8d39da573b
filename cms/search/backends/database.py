"""The embedded default: full-text search in the site's own database over segmented text.

SQLite: an FTS5 table whose tokenizer keeps combining marks inside words
(``unicode61 remove_diacritics 0 categories 'L* N* Co M*'``); the shipped tokenizer cuts
Lao, Khmer and Thai at every vowel sign. PostgreSQL: tsvectors under a ``simple`` +
``unaccent`` configuration (``vnip_search``). Both are maintained by the database itself
(triggers, generated columns) from the columns of SearchDocument.

Every match is counted, exactly. Only the ``RANKED`` newest matches (by date, then the
most recently indexed) are scored and ordered by relevance; a word found in more documents
than that lists its other matches after them, newest first. Scoring is what costs (bm25
reads every match's positions and row size; ts_rank reads each match's tsvectors out of
line), and for a word in half the documents it cost more than everything else together.
"""

from django.db import connection, transaction
from django.utils import timezone

from cms.text.normalise import NO_SPACE_SCRIPTS

from ..models import SearchDocument
from ..segmentation import Prepared, graphemes
from .base import Hit, SearchQuery, SearchResults

FIELDS = (
    "title_exact", "title_folded", "title_grams", "body_exact", "body_folded", "body_grams",
)  # fmt: skip
WEIGHTS = "10.0, 5.0, 4.0, 3.0, 1.0, 1.0"
RANKED = 200  # newest matches ordered by relevance; the rest follow by date
TABLE = "site_search_searchdocument"
HIT_FIELDS = ("kind", "object_id", "language", "title", "body", "url", "date")


def _fts_phrase(tokens) -> str:
    return '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'


def _bigrams_cover(term: Prepared) -> bool:
    """Whether a term's bigrams match wherever its words match as a phrase: text without
    spaces, of two graphemes or more (words next to each other are graphemes next to each
    other; a lone grapheme is indexed as such only where it stands alone).

    PostgreSQL then looks for the bigrams alone when the words are a phrase too: for
    下龙湾, which ICU cuts into 下, 龙 and 湾, it read the 9,836 rows of 16,666 Chinese ones
    holding those three anywhere to find the 1,476 that the bigrams find among 1,482. What
    the words' phrase alone found: a phrase across the end of the title and the start of
    the body (which FTS5 does not find either), and one past position 16,383 in a text so
    long, where tsvector positions stop, which its bigrams reach sooner than its words."""
    return (
        bool(term.grams)
        and len(graphemes("".join(term.tokens))) > 1
        and all(NO_SPACE_SCRIPTS.search(token) for token in term.tokens)
    )


def _window(query: SearchQuery) -> tuple[int, int]:
    """Where the matches past the ranked ones that the page shows start, and how many."""
    start = max(query.offset, RANKED)
    return start, max(0, query.offset + query.limit - start)


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
    def _filters(self, query: SearchQuery) -> tuple[str, list]:
        """The filters as `` AND ...`` conditions on ``d`` (a SearchDocument row)."""
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
        return "".join(f" AND {condition}" for condition in where), params

    def search(self, query: SearchQuery) -> SearchResults:
        if self.vendor == "postgresql":
            rows = self._postgres(query)
            better = -1  # ts_rank: higher is better
        else:
            rows = self._sqlite(query)
            better = 1  # bm25: lower is better
        ranked, rest, counts = [], [], {}
        for part, key, score, position, kind in rows:
            if part == "count":
                counts[kind] = key
            else:
                (ranked if part == "ranked" else rest).append((key, float(score), position))
        ranked.sort(key=lambda row: (better * row[1], row[2]))
        rest.sort(key=lambda row: row[2])
        window = (ranked[query.offset : query.offset + query.limit] + rest)[: query.limit]
        documents = SearchDocument.objects.only(*HIT_FIELDS).in_bulk([pk for pk, _, _ in window])
        hits = [
            Hit(d.kind, d.object_id, d.language, d.title, d.body, d.url, d.date, score)
            for pk, score, _ in window
            if (d := documents.get(pk))
        ]
        return SearchResults(hits, sum(counts.values()), counts, query)

    # SQLite -----------------------------------------------------------------------------
    def _sqlite_condition(self, query: SearchQuery) -> str:
        conditions = []
        for term in query.terms:
            options = [f"{{title_folded body_folded}} : {_fts_phrase(term.folded)}"]
            if term.needs_grams and term.grams:
                options.append(f"{{title_grams body_grams}} : {_fts_phrase(term.grams)}")
            conditions.append("(" + " OR ".join(options) + ")")
        return " AND ".join(conditions)

    def _sqlite_scoring(self, query: SearchQuery) -> str:
        """The same matches as ``_sqlite_condition``, written so that bm25 scores documents
        with the phrase as typed higher: "Hà Nội" above "Ha Noi" for the first, and the
        other way round for the second (as the PostgreSQL ranking does)."""
        matched = self._sqlite_condition(query)
        if all(NO_SPACE_SCRIPTS.search(token) for token in query.whole.tokens):
            return matched  # never folded: exact and loose matches are the same
        exact = f"{{title_exact body_exact}} : {_fts_phrase(query.whole.tokens)}"
        return f"{matched} AND ({exact} OR ({matched}))"

    def _sqlite(self, query: SearchQuery) -> list[tuple]:
        """One statement: FTS5 finds the matches (a materialised CTE: left to itself,
        SQLite's planner may walk the language index and probe FTS5 once per row), the
        filters apply through a covering index (``date`` lies past the long text in a
        row), and bm25 runs, in a second FTS5 pass, only for the rows the page may show."""
        filters, params = self._filters(query)
        start, count = _window(query)
        order = "ORDER BY date DESC, id DESC"
        sql = (
            "WITH matches AS MATERIALIZED (SELECT d.id, d.kind, d.date FROM search_fts f "
            f"CROSS JOIN {TABLE} d INDEXED BY search_filters ON d.id = f.rowid "
            f"WHERE f.search_fts MATCH %s{filters}), "
            f"newest AS MATERIALIZED (SELECT id, date FROM matches {order} LIMIT %s), "
            "wanted AS MATERIALIZED ("
            f"SELECT 'ranked' AS part, id, row_number() OVER ({order}) AS position FROM newest "
            f"UNION ALL SELECT 'rest', id, %s + row_number() OVER ({order}) "
            f"FROM (SELECT id, date FROM matches {order} LIMIT %s OFFSET %s)), "
            "scored AS MATERIALIZED (SELECT f.rowid AS id, "
            f"bm25(search_fts, {WEIGHTS}) AS score FROM search_fts f "
            "WHERE f.search_fts MATCH %s AND f.rowid >= (SELECT min(id) FROM wanted) "
            "AND +f.rowid IN (SELECT id FROM wanted)) "
            "SELECT w.part, w.id, s.score, w.position, NULL FROM wanted w "
            "JOIN scored s ON s.id = w.id "
            "UNION ALL SELECT 'count', COUNT(*), NULL, NULL, kind FROM matches GROUP BY kind"
        )
        params = [
            self._sqlite_condition(query), *params, RANKED,
            start, count, start,
            self._sqlite_scoring(query),
        ]  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    # PostgreSQL -------------------------------------------------------------------------
    def _postgres_arms(self, query: SearchQuery) -> list[list[tuple[str, str, str]]]:
        """Per term, the ways it may match: its words (folded), or for scripts without
        spaces its grapheme bigrams; each as (tsvector column, configuration, text)."""
        terms = []
        for term in query.terms:
            arms = [("folded_vec", "vnip_search", term.exact_text)]
            if term.needs_grams and term.grams:
                arms.append(("grams_vec", "simple", term.grams_text))
            terms.append(arms)
        return terms

    def _postgres(self, query: SearchQuery) -> list[tuple]:
        """The planner does not count reading a tsvector out of line: on a table of narrow
        rows, a sequential scan testing every row's tsvector looks cheaper than the GIN
        index, and is many times slower (GIN is never slower here: it either answers
        exactly or narrows the rows to test). So the statement runs without sequential
        scans, in a transaction that the setting does not outlive (an error rolls it back
        with the savepoint)."""
        arms = [arm for term in self._postgres_arms(query) for arm in term]
        outer = connection.in_atomic_block  # then SET LOCAL would outlive this search
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('enable_seqscan'), "
                "set_config('enable_seqscan', 'off', true), "
                + ", ".join(f"numnode(phraseto_tsquery('{config}', %s))" for _, config, _ in arms),
                [text for _, _, text in arms],
            )
            previous, _, *sizes = cursor.fetchone()
            statement = self._postgres_statement(query, dict(zip(arms, sizes, strict=True)))
            rows = []
            if statement:
                cursor.execute(*statement)
                rows = cursor.fetchall()
            if outer:
                cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
        return rows

    def _postgres_statement(self, query: SearchQuery, sizes: dict) -> tuple[str, list] | None:
        """A GIN index answers a single lexeme exactly, but a phrase (two words, or the
        bigrams of one) only as "maybe": PostgreSQL must read the tsvector, out of line, of
        every such row. So the matches are found as the rows with all the lexemes (exact
        from the index), less those that only a phrase could have matched and that do not
        have it; only that remainder is read, in the table's order (a bitmap of their ids).
        Then ts_rank reads the ranked rows alone.
        ``sizes`` holds each arm's number of tsquery nodes (1: a single lexeme)."""
        terms = []
        for term, arms in zip(query.terms, self._postgres_arms(query), strict=True):
            arms = [arm for arm in arms if sizes[arm]]  # no lexeme: no match
            words = [arm for arm in arms if arm[0] == "folded_vec"]
            if words and sizes[words[0]] > 1 and len(arms) > 1 and _bigrams_cover(term):
                arms.remove(words[0])
            terms.append(arms)
        if not all(terms):
            return None  # a term without a lexeme matches nothing
        filters, filter_params = self._filters(query)

        def condition(function: str, chosen: list[list[tuple[str, str, str]]]):
            sql = " AND ".join(
                "("
                + " OR ".join(
                    f"d.{column} @@ {function}('{config}', %s)" for column, config, _ in term
                )
                + ")"
                for term in chosen
            )
            return sql, [text for term in chosen for _, _, text in term]

        def scan(match: str) -> str:
            """The rows a condition matches, from its GIN indexes alone, then filtered:
            offered the filters' indexes, the planner would rather read a language's rows
            and test each tsvector, out of line, than take a common word from GIN."""
            columns = "d.id, d.kind, d.date, d.language, d.section, d.province_id"
            return (
                f"SELECT id, kind, date FROM (SELECT {columns} FROM {TABLE} d WHERE {match} "
                f"OFFSET 0) d WHERE TRUE{filters}"
            )

        superset, superset_params = condition("plainto_tsquery", terms)
        phrases, phrase_params = condition("phraseto_tsquery", terms)
        sure_terms = [[arm for arm in term if sizes[arm] == 1] for term in terms]
        if all(len(sure) == len(term) for sure, term in zip(sure_terms, terms, strict=True)):
            # Single lexemes only: the index is exact.
            matches = scan(superset)
            params = [*superset_params, *filter_params]
        elif not all(sure_terms):
            # Some term matches only as a phrase: every row the index finds is checked.
            matches = scan(phrases)
            params = [*phrase_params, *filter_params]
        else:
            sure, sure_params = condition("plainto_tsquery", sure_terms)
            if len(terms) == 1:  # a row the sure arms missed can match only by the others
                others = [[arm for arm in terms[0] if arm not in sure_terms[0]]]
                phrases, phrase_params = condition("phraseto_tsquery", others)
            matches = (
                f"WITH candidates AS MATERIALIZED ({scan(superset)}), "
                f"misses AS MATERIALIZED (SELECT d.id FROM {TABLE} d WHERE d.id = ANY(ARRAY("
                f"SELECT id FROM candidates EXCEPT SELECT id FROM ({scan(sure)}) sure)) "
                f"AND NOT ({phrases})) "
                "SELECT * FROM candidates WHERE id NOT IN (SELECT id FROM misses)"
            )
            params = [
                *superset_params, *filter_params, *sure_params, *filter_params, *phrase_params,
            ]  # fmt: skip
        whole = query.whole
        rank = [
            ("ts_rank(d.exact_vec, phraseto_tsquery('simple', %s)) * 4", whole.exact_text),
            ("ts_rank(d.folded_vec, plainto_tsquery('vnip_search', %s))", whole.exact_text),
        ]
        if whole.grams:  # an empty query ranks 0
            rank.append(("ts_rank(d.grams_vec, phraseto_tsquery('simple', %s))", whole.grams_text))
        start, count = _window(query)
        order = "ORDER BY date DESC NULLS LAST, id DESC"
        sql = (
            f"WITH matches AS MATERIALIZED ({matches}), "
            f"newest AS MATERIALIZED (SELECT id, date FROM matches {order} LIMIT %s), "
            "wanted AS ("
            f"SELECT 'ranked' AS part, id, row_number() OVER ({order}) AS position FROM newest "
            f"UNION ALL SELECT 'rest', id, %s + row_number() OVER ({order}) "
            f"FROM (SELECT id, date FROM matches {order} LIMIT %s OFFSET %s) rest) "
            "SELECT w.part, w.id, "
            + " + ".join(expression for expression, _ in rank)
            + ", w.position, NULL FROM wanted w CROSS JOIN LATERAL (SELECT exact_vec, folded_vec, "
            f"grams_vec FROM {TABLE} d WHERE d.id = w.id OFFSET 0) d "
            "UNION ALL SELECT 'count', COUNT(*), NULL, NULL, kind FROM matches GROUP BY kind"
        )
        return sql, [*params, RANKED, start, count, start, *(value for _, value in rank)]

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
