"""How fast the public site answers, uncached and from the page cache.

gunicorn (2 sync workers, production settings, PostgreSQL, Redis) serves the demo; wrk
drives a story, a section, the home page, a feed and a search for BENCH_SECONDS (10)
each with BENCH_CONNECTIONS (8) connections, once with the page cache off
(PAGE_CACHE_TIMEOUT=0) and once on. Prints requests per second, p50 and p99, and the
SQL queries each page costs uncached; then publishes a change to the story and checks
that the very next request shows it.

    make bench-site        (or .venv/bin/python -m benchmarks.site_speed)

Another site, e.g. Wagtail's bakerydemo served the same way, is measured in the same run
with the same wrk settings by naming its pages:

    .venv/bin/python -m benchmarks.site_speed --other blog=http://127.0.0.1:8100/blog/... \
        --other home=http://127.0.0.1:8100/

Uses the PostgreSQL database `vnip_bench_site` (BENCH_DATABASE_URL), dropped and
recreated, and Redis database 13 (BENCH_REDIS_URL), emptied.
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DB = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vnip_bench_site"
)
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORK = Path(tempfile.mkdtemp(prefix="vnip-bench-site-"))
ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": BENCH_DB,
    "REDIS_URL": REDIS,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "MEDIA_ROOT": str(WORK / "media"),
    "STATIC_ROOT": str(WORK / "static"),
    "MT_MODELS_DIR": str(WORK / "models"),
    "DEMO_PROVINCE_EDITIONS": os.environ.get("DEMO_PROVINCE_EDITIONS", "1"),
    "MEASUREMENT_COUNT_PAGE_VIEWS": "false",  # wrk is not a reader
    "LOG_LEVEL": "WARNING",
    "LOG_FORMAT": "text",
}
os.environ.update(ENV)

from benchmarks.database import recreate_database  # noqa: E402
from benchmarks.wrk import Figures, free_port, wait_for  # noqa: E402
from benchmarks.wrk import run as run_wrk  # noqa: E402

recreate_database(BENCH_DB)

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from cms.stories.models import SectionPage, StoryPage  # noqa: E402


def serve(page_cache_timeout: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PAGE_CACHE_TIMEOUT": str(page_cache_timeout)}
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--workers", "2"]
    web = subprocess.Popen([*command, "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    wait_for(f"{base}/healthz", web)
    return web, base


def stop(web: subprocess.Popen) -> None:
    if web.poll() is None:
        web.terminate()
        web.wait(timeout=30)


def pages() -> dict[str, str]:
    story = StoryPage.objects.get(slug="coffee-exports", locale__language_code="en")
    section = SectionPage.objects.filter(locale__language_code="en").first()
    return {
        "story": story.url,
        "section": section.url,
        "home": "/en/",
        "feed": "/en/feeds/rss.xml",
        "search": "/en/search/?q=" + urllib.parse.quote("coffee"),
    }


@override_settings(PAGE_CACHE_TIMEOUT=0)
def query_counts(paths: dict[str, str]) -> dict[str, int]:
    """SQL queries of each page, built afresh (not from the page cache)."""
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for label, path in paths.items():
        client.get(path)  # first request: renditions, caches of Wagtail's site root paths
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts[label] = len(captured)
    return counts


def measure(urls: dict[str, str]) -> dict[str, Figures]:
    results = {}
    for label, url in urls.items():
        wait_for(url)
        run_wrk(url, 2, connections=CONNECTIONS)  # warm-up: each worker's first requests
        results[label] = run_wrk(url, SECONDS, connections=CONNECTIONS)
        figures = results[label]
        print(f"  {label:14} {figures.requests_per_second:8.1f} req/s", flush=True)
    return results


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def publish_is_visible(base: str, path: str) -> bool:
    fetch(base + path)
    fetch(base + path)  # kept by now
    story = StoryPage.objects.get(slug="coffee-exports", locale__language_code="en")
    story.title = f"Coffee exports, measured {secrets.token_hex(4)}"
    story.save_revision().publish()
    return story.title in fetch(base + path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--other",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="a page of another site to measure with the same wrk settings",
    )
    others = dict(item.split("=", 1) for item in parser.parse_args().other)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench-site installs it as root)")
    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})", flush=True)
    print("Migrating, loading the demo, collecting static files...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))
    call_command("collectstatic", "--noinput", verbosity=0)
    caches["pages"].clear()
    paths = pages()
    counts = query_counts(paths)
    results: dict[str, dict[str, Figures]] = {}
    try:
        for mode, timeout in (("uncached", 0), ("cached", 300)):
            print(f"{mode}: wrk -t2 -c{CONNECTIONS} for {SECONDS} s on each page...", flush=True)
            web, base = serve(timeout)
            try:
                results[mode] = measure({label: base + path for label, path in paths.items()})
                if mode == "cached":
                    visible = publish_is_visible(base, paths["story"])
            finally:
                stop(web)
        if others:
            print("other site:", flush=True)
            results["other"] = measure(others)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)

    print(f"\n{'page':14} {'queries':>7} {'mode':9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for mode, figures in results.items():
        for label, f in figures.items():
            queries = str(counts.get(label, "")) if mode != "other" else ""
            print(
                f"{label:14} {queries:>7} {mode:9} {f.requests_per_second:9.1f}"
                f" {f.p50_ms:8.1f} {f.p99_ms:8.1f}"
            )
    print(f"A publish is visible to the next request: {'yes' if visible else 'NO'}")
    return 0 if visible else 1


if __name__ == "__main__":
    sys.exit(main())
