"""Aggregator benchmark.

1. Ingest: 134 local sources (each on its own loopback address, like 134 portals) with
   50 items each; a cold ingest, then a warm one where every source answers 304.
2. Listing: the public feed page with 1,000,000 items stored: first page, a page deep in
   the archive, and filtered by province, topic and date; p50 and p95 over 40 requests.

Runs in its own PostgreSQL database (dropped and recreated):
    make bench-aggregator      (or .venv/bin/python -m benchmarks.aggregator)
BENCH_DATABASE_URL picks another database; BENCH_ITEMS another archive size.
"""

import os
import random
import statistics
import sys
import time

BENCH_DB = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vnip_bench")
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


from benchmarks.database import recreate_database  # noqa: E402

recreate_database(BENCH_DB)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from cms.aggregator.models import Cluster, Item, Source  # noqa: E402
from cms.aggregator.operations import fetch_many  # noqa: E402
from tests.cms.aggregator.server import FeedServer  # noqa: E402

SOURCES, ITEMS_PER_SOURCE = 134, 50
ARCHIVE = int(os.environ.get("BENCH_ITEMS", "1000000"))
REQUESTS = 40


WORDS = (
    "hội nghị lễ hội công trình khánh thành du lịch nông nghiệp xuất khẩu cà phê lúa gạo cảng biển "
    "đường cao tốc trường học bệnh viện văn hóa di sản biên giới hợp tác đầu tư doanh nghiệp "
    "thanh niên phụ nữ nông dân ngư dân mùa vụ thiên tai phòng chống bão lũ chuyển đổi số"
).split()


def headline(rng: random.Random, number: int, k: int) -> tuple[str, str]:
    """Mostly distinct local news; every 20th item is an agency story many portals carry."""
    if k % 20 == 0:
        story = (number + k) % 7
        title = f"Thủ tướng chủ trì hội nghị toàn quốc về chủ đề số {story} với 34 địa phương"
        return title, f"Sáng nay, hội nghị trực tuyến số {story} bàn giải pháp kinh tế."
    words = rng.sample(WORDS, 9)
    return (f"Tỉnh {number}: {' '.join(words)}".capitalize(), " ".join(rng.sample(WORDS, 14)) + ".")


def feed(number: int) -> bytes:
    rng = random.Random(number)
    entries = []
    for k in range(ITEMS_PER_SOURCE):
        title, summary = headline(rng, number, k)
        day, hour = 1 + k % 28, k % 24
        entries.append(
            f"<item><guid isPermaLink='false'>p{number}-{k}</guid><title>{title}</title>"
            f"<link>/tin/{number}/{k}.html</link>"
            f"<pubDate>{day:02d}/05/2026 {hour:02d}:{number % 60:02d}</pubDate>"
            f"<description><![CDATA[<p>{summary} <b>Ảnh</b> <img src='/anh/{k}.jpg'></p>]]>"
            "</description></item>"
        )
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
    channel = f"<title>Cổng {number}</title><link>https://portal{number}.example/</link>"
    return (head + channel + "".join(entries) + "</channel></rss>").encode()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def max_cluster() -> int:
    return Cluster.objects.order_by("-size").values_list("size", flat=True).first() or 0


def ingest_benchmark() -> dict:
    servers = []
    for number in range(SOURCES):
        server = FeedServer(host=f"127.0.0.{number + 2}").__enter__()
        url = server.add(
            "/rss",
            body=feed(number),
            etag=f'"v{number}"',
            headers={"Content-Type": "application/rss+xml"},
        )
        Source.objects.create(name=f"Portal {number}", url=url, active=True, language="vi")
        servers.append(server)
    ids = list(Source.objects.filter(active=True).values_list("pk", flat=True))
    try:
        started = time.perf_counter()
        cold = fetch_many(ids)
        cold_time = time.perf_counter() - started
        Source.objects.update(next_fetch_at=None)
        started = time.perf_counter()
        warm = fetch_many(ids)
        warm_time = time.perf_counter() - started
    finally:
        for server in servers:
            server.__exit__(None, None, None)
    stored = Item.objects.count()
    assert stored == SOURCES * ITEMS_PER_SOURCE, stored
    assert all(outcome.status == "unchanged" for outcome in warm), {o.status for o in warm}
    return {
        "cold_seconds": cold_time,
        "cold_items_per_second": stored / cold_time,
        "cold_errors": sum(o.status == "error" for o in cold),
        "warm_seconds": warm_time,
        "warm_sources_per_second": len(ids) / warm_time,
    }


def fill_archive(count: int) -> float:
    """Bulk-insert an archive of ``count`` items spread over 3 years, 34 provinces and topics."""
    started = time.perf_counter()
    source_ids = list(Source.objects.values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM taxonomy_province ORDER BY id")
        provinces = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT id FROM taxonomy_topic ORDER BY id")
        topics = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            """
            INSERT INTO aggregator_item (source_id, guid, guid_hash, link, link_hash,
                content_hash, title, summary, content_html, image_url, author, language,
                province_id, published_at, ingested_at, sort_at, is_headline, clustered)
            SELECT (%(sources)s)[1 + n %% array_length(%(sources)s, 1)], 'bulk-' || n,
                md5('g' || n), '', '', md5('c' || n), 'Tin lưu trữ số ' || n,
                'Tóm tắt tin ' || n, '', '', '', 'vi',
                (%(provinces)s)[1 + n %% array_length(%(provinces)s, 1)],
                now() - (n * interval '90 seconds'), now() - (n * interval '90 seconds'),
                now() - (n * interval '90 seconds'), true, true
            FROM generate_series(1, %(count)s) AS n
            """,
            {"sources": source_ids, "provinces": provinces, "count": count},
        )
        cursor.execute(
            """
            INSERT INTO aggregator_item_topics (item_id, topic_id)
            SELECT id, (%(topics)s)[1 + id %% array_length(%(topics)s, 1)]
            FROM aggregator_item WHERE id %% 10 = 0
            """,
            {"topics": topics},
        )
        cursor.execute("ANALYZE aggregator_item; ANALYZE aggregator_item_topics")
    return time.perf_counter() - started


def latency(client: Client, url: str) -> tuple[float, float]:
    client.get(url)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), percentile(timings, 0.95)


def main() -> int:
    print(f"Database: {connection.vendor} ({settings.DATABASES['default']['NAME']})", flush=True)
    print("Migrating and loading the demo site...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.AGGREGATOR_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.AGGREGATOR_CONCURRENCY = 8
    settings.AGGREGATOR_CONNECT_TIMEOUT, settings.AGGREGATOR_READ_TIMEOUT = 5, 15
    settings.AGGREGATOR_TOTAL_TIMEOUT = 60

    print(f"Ingesting {SOURCES} sources x {ITEMS_PER_SOURCE} items...", flush=True)
    ingest = ingest_benchmark()
    cold_rate, errors = ingest["cold_items_per_second"], ingest["cold_errors"]
    print(f"  cold: {ingest['cold_seconds']:.1f} s, {cold_rate:.0f} items/s, {errors} errors")
    warm_rate = ingest["warm_sources_per_second"]
    print(f"  warm (all 304): {ingest['warm_seconds']:.2f} s, {warm_rate:.0f} sources/s")
    print(f"  clusters: {Cluster.objects.count()}, largest {max_cluster()} sources")

    print(f"Filling the archive to {ARCHIVE:,} items...", flush=True)
    seconds = fill_archive(ARCHIVE - Item.objects.count())
    print(f"  {seconds:.1f} s; {Item.objects.count():,} items stored")
    client = Client()
    deep = client.get("/en/news/")  # walk 200 pages in to find a cursor deep in the archive
    from cms.aggregator.models.listing import FeedFilters, feed_page

    cursor = None
    for _ in range(200):
        cursor = feed_page(FeedFilters(), "en", cursor).next_cursor
    assert deep.status_code == 200
    cases = {
        "first page": "/en/news/",
        "page 201": f"/en/news/?after={cursor}",
        "province": "/en/news/?province=quang-ninh",
        "topic": "/en/news/?topic=heritage",
        "date range": "/en/news/?from=2025-01-01&to=2025-01-31",
        "province + date": "/en/news/?province=hanoi&from=2024-06-01&to=2024-06-30",
    }
    print(f"Feed page latency, {REQUESTS} requests each (ms):")
    worst = 0.0
    for label, url in cases.items():
        p50, p95 = latency(client, url)
        worst = max(worst, p95)
        print(f"  {label:16} p50 {p50:7.1f}   p95 {p95:7.1f}")
    print(f"Worst p95: {worst:.0f} ms (target < 300 ms)")
    return 0 if worst < 300 and ingest["cold_errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
