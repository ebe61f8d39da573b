"""Search benchmark: 100,000 documents across six languages (Vietnamese, Lao, Khmer, Thai,
Chinese, Japanese), on SQLite and on PostgreSQL: index build time, then query latency
(p50, p95) for single words and for phrases, through the same service the public view calls,
and the slowest queries of each kind (language, matches).

    make bench-search        (or .venv/bin/python -m benchmarks.search)
BENCH_DOCS sets another size; BENCH_BACKENDS=sqlite or =postgresql runs one of them.
"""

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCS = int(os.environ.get("BENCH_DOCS", "100000"))
QUERIES_PER_KIND = 60
SLOWEST = 3  # the slowest queries of each kind are printed too
RECALL_SET = Path(__file__).resolve().parent.parent / "tests" / "cms" / "search" / "recall_set.json"


def corpus(language: str, sentences: list[str], rng: random.Random, count: int):
    """Each document: one sentence of the set (so every query has matches) and about 60
    filler words made of the language's own letters, so documents differ like real text."""
    from cms.search.segmentation import graphemes

    letters = [
        g for sentence in sentences for g in graphemes(sentence) if g.strip() and g.isalpha()
    ]
    for _ in range(count):
        sentence = rng.choice(sentences)
        filler = ["".join(rng.choices(letters, k=rng.randint(2, 5))) for _ in range(60)]
        yield sentence, sentence + " " + " ".join(filler)


def run_one(database_url: str) -> dict:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from cms.search.backends.base import SearchQuery
    from cms.search.documents import _fields
    from cms.search.models import SearchDocument
    from cms.search.service import search

    call_command("migrate", verbosity=0)
    data = json.loads(RECALL_SET.read_text("utf-8"))["languages"]
    rng = random.Random(1)
    per_language = DOCS // len(data)
    started = time.perf_counter()
    batch, made = [], 0
    for language, spec in data.items():
        for title, body in corpus(language, spec["sentences"], rng, per_language):
            made += 1
            fields = _fields(title, body)
            batch.append(
                SearchDocument(
                    kind="story",
                    object_id=made,
                    language=language,
                    title=title,
                    body=body,
                    url=f"/{made}/",
                    **fields,
                )
            )
            if len(batch) == 2000:
                SearchDocument.objects.bulk_create(batch)
                batch.clear()
                print(f"\r  indexed {made}/{DOCS}", end="", flush=True)
    SearchDocument.objects.bulk_create(batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE site_search_searchdocument")
    build = time.perf_counter() - started
    print(f"\r  indexed {made} documents in {build:.1f} s")

    words, phrases = [], []
    for language, spec in data.items():
        for query in spec["queries"]:
            (phrases if " " in query else words).append((language, query))
    phrases += [
        ("vi", "thủ đô của Việt Nam"),
        ("vi", "di sản thiên nhiên"),
        ("vi", "Ha Long"),
        ("vi", "mua mua"),
    ]

    def measure(queries):
        timings, totals, slowest, totals_by_query = [], [], {}, {}
        for n in range(QUERIES_PER_KIND):
            language, text = queries[n % len(queries)]
            started = time.perf_counter()
            results = search(SearchQuery(text, language=language, limit=10))
            timings.append((time.perf_counter() - started) * 1000)
            totals.append(results.total)
            slowest[language, text] = max(slowest.get((language, text), 0), timings[-1])
            totals_by_query[language, text] = results.total
        timings.sort()
        return (
            statistics.median(timings),
            timings[int(0.95 * (len(timings) - 1))],
            sum(totals) / len(totals),
            sorted(
                ((ms, *query, totals_by_query[query]) for query, ms in slowest.items()),
                reverse=True,
            )[:SLOWEST],
        )

    measure(words[:5])  # warm the caches
    return {
        "vendor": connection.vendor,
        "documents": made,
        "build_seconds": build,
        "word": measure(words),
        "phrase": measure(phrases),
    }


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(run_one(sys.argv[2])), flush=True)
        return 0
    wanted = os.environ.get("BENCH_BACKENDS", "sqlite,postgresql").split(",")
    targets = []
    scratch = tempfile.TemporaryDirectory(prefix="bench-search-")  # the SQLite file: 600 MB
    if "sqlite" in wanted:
        targets.append(("SQLite", f"sqlite:///{scratch.name}/search.sqlite3"))
    if "postgresql" in wanted:
        import psycopg

        with psycopg.connect(
            "postgres://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            conn.execute('DROP DATABASE IF EXISTS "vnip_bench_search" WITH (FORCE)')
            conn.execute('CREATE DATABASE "vnip_bench_search"')
        targets.append(("PostgreSQL", "postgres://postgres@127.0.0.1:5432/vnip_bench_search"))
    failed = False
    for label, url in targets:
        print(f"{label}: building the index...", flush=True)
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.search", "--child", url],
            capture_output=True,
            text=True,
        )
        if child.returncode:
            print(child.stdout[-2000:], child.stderr[-4000:])
            failed = True
            continue
        result = json.loads(child.stdout.strip().splitlines()[-1])
        (w50, w95, w_hits, w_slow), (p50, p95, p_hits, p_slow) = result["word"], result["phrase"]
        print(f"  {result['documents']:,} documents indexed in {result['build_seconds']:.1f} s")
        print(f"  single words: p50 {w50:6.1f} ms   p95 {w95:6.1f} ms   ({w_hits:,.0f} matches)")
        print(f"  phrases:      p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   ({p_hits:,.0f} matches)")
        for label, slowest in (("word", w_slow), ("phrase", p_slow)):
            print(
                f"  slowest {label}s: "
                + ", ".join(
                    f"{text} ({language}, {total:,}) {ms:.1f} ms"
                    for ms, language, text, total in slowest
                )
            )
        if not (w_hits and p_hits):
            failed = True
    scratch.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
