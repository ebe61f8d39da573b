"""Page latency while the background worker is busy.

gunicorn (2 sync workers, production settings, PostgreSQL, Redis cache) serves the demo
site; `wrk` drives a story page and the search page for BENCH_SECONDS (10) each, once
with the worker idle and once while it ingests 134 local feeds (50 items each, served
from 134 loopback addresses) and drafts 50 pages with machine translation (tiny genuine
models from tests/translations/modelkit.py). Prints p50 and p99 for both; the target is
that p99 grows by less than 50 %. The worker runs with `nice` (WORKER_NICE, default 10).

    make bench-load        (or .venv/bin/python -m benchmarks.load_with_worker)

Uses the PostgreSQL database `vnip_bench_load` (BENCH_DATABASE_URL), dropped and recreated.
"""

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DB = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vnip_bench_load"
)
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WORK = Path(tempfile.mkdtemp(prefix="vnip-bench-load-"))
ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": BENCH_DB,
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "MEDIA_ROOT": str(WORK / "media"),
    "STATIC_ROOT": str(WORK / "static"),
    "MT_MODELS_DIR": str(WORK / "models"),
    "AGGREGATOR_ALLOWED_NETWORKS": "127.0.0.0/8",
    "AGGREGATOR_HOST_DELAY": "0",
    "AGGREGATOR_TRANSLATE_TO": "en,lo,km",
    "TASKS_BACKEND": "database",
    "LOG_LEVEL": "WARNING",
    "LOG_FORMAT": "text",
}
os.environ.update(ENV)


from benchmarks.database import recreate_database  # noqa: E402
from benchmarks.wrk import free_port, wait_for  # noqa: E402
from benchmarks.wrk import run as run_wrk  # noqa: E402

recreate_database(BENCH_DB)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from wagtail.models import Page  # noqa: E402

from cms.aggregator.models import Source  # noqa: E402
from cms.aggregator.tasks import fetch_sources_task  # noqa: E402
from cms.stories.models import StoryPage  # noqa: E402
from tests.cms.aggregator.server import FeedServer  # noqa: E402
from tests.translations import modelkit  # noqa: E402
from translations.engines import store  # noqa: E402
from translations.requests import request_translations  # noqa: E402

SOURCES, ITEMS_PER_SOURCE, PAGES_TO_DRAFT = 134, 50, 50


def feed(number: int) -> bytes:
    entries = "".join(
        f"<item><guid isPermaLink='false'>p{number}-{k}</guid>"
        f"<title>Tỉnh {number}: hội nghị xúc tiến du lịch và đầu tư số {k}</title>"
        f"<link>/tin/{number}/{k}.html</link><pubDate>{1 + k % 28:02d}/05/2026 08:00</pubDate>"
        f"<description>Sáng nay tỉnh {number} tổ chức hội nghị số {k} về cà phê.</description>"
        "</item>"
        for k in range(ITEMS_PER_SOURCE)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Cổng {number}</title><link>https://portal{number}.example/</link>"
        f"{entries}</channel></rss>"
    ).encode()


def install_models() -> None:
    sp = modelkit.train_sentencepiece()
    folder = WORK / "packages"
    folder.mkdir()
    mapping = modelkit.permutation(modelkit.vocabulary(sp), seed=11)
    store.install(modelkit.build_argos_package(folder, "vi", "en", sp, mapping))
    store.install(
        modelkit.build_multilingual_package(folder, ["vi", "en", "lo", "km"], sp, mapping)
    )


def wrk(url: str) -> tuple[float, float, int]:
    """p50 and p99 in ms, and the number of requests."""
    figures = run_wrk(url, SECONDS)
    return figures.p50_ms, figures.p99_ms, figures.requests


def measure(urls: dict[str, str]) -> dict[str, tuple[float, float, int]]:
    return {label: wrk(url) for label, url in urls.items()}


def queue_background_work(servers: list[FeedServer]) -> int:
    for number in range(SOURCES):
        server = FeedServer(host=f"127.0.0.{number + 2}").__enter__()
        url = server.add("/rss", body=feed(number), headers={"Content-Type": "application/rss+xml"})
        Source.objects.create(name=f"Portal {number}", url=url, active=True, language="vi")
        servers.append(server)
    ids = list(Source.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 10):
        fetch_sources_task.enqueue(ids[start : start + 10])
    pages = Page.objects.filter(locale__language_code="vi", depth__gt=2).order_by("path")
    for page in pages[:PAGES_TO_DRAFT]:
        request_translations(page.specific, ["lo"])
    return DBTaskResult.objects.filter(status="READY").count()


def main() -> int:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench-load installs it as root)")
    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})", flush=True)
    print("Migrating, loading the demo, collecting static files, building models...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))
    call_command("collectstatic", "--noinput", verbosity=0)
    install_models()
    DBTaskResult.objects.all().delete()  # the demo's own indexing jobs are not the point
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    servers: list[FeedServer] = []
    worker = None
    try:
        wait_for(f"{base}/healthz", web)
        story = StoryPage.objects.get(slug="coffee-exports", locale__language_code="vi")
        urls = {
            "story": base + story.url,
            "search": base + "/vi/search/?q=" + urllib.parse.quote("cà phê"),
        }
        for url in urls.values():
            wait_for(url, web)
        print(f"Idle: wrk -t2 -c2 for {SECONDS} s on each page...", flush=True)
        idle = measure(urls)
        queued = queue_background_work(servers)
        print(f"Busy: {queued} jobs queued (134 feeds, {PAGES_TO_DRAFT} MT drafts)", flush=True)
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--no-reload", "--no-startup-delay"],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=subprocess.DEVNULL,
        )
        started = time.monotonic()
        while not DBTaskResult.objects.exclude(status="READY").exists():
            if worker.poll() is not None or time.monotonic() - started > 300:
                raise SystemExit("The worker did not start taking jobs.")
            time.sleep(0.5)
        finished = DBTaskResult.objects.filter(status__in=("SUCCESSFUL", "FAILED"))
        before = finished.count()
        busy = measure(urls)
        done = finished.count() - before
        left = DBTaskResult.objects.filter(status__in=("READY", "RUNNING")).count()
    finally:
        for process in (worker, web):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        for server in servers:
            server.__exit__(None, None, None)
        shutil.rmtree(WORK, ignore_errors=True)
    print(f"The worker finished {done} jobs during the busy runs ({left} still queued or running).")
    print(f"{'page':8} {'idle p50':>9} {'idle p99':>9} {'busy p50':>9} {'busy p99':>9}  p99 growth")
    growths = []
    for label in urls:
        (i50, i99, _), (b50, b99, _) = idle[label], busy[label]
        growth = b99 / i99 - 1
        growths.append(growth)
        print(f"{label:8} {i50:7.1f}ms {i99:7.1f}ms {b50:7.1f}ms {b99:7.1f}ms  {growth:+.0%}")
    worst = max(growths)
    busy_throughout = left > 0
    print(
        f"Worst p99 growth {worst:+.0%} (target < +50%); worker busy throughout: {busy_throughout}"
    )
    return 0 if worst < 0.5 and done > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
