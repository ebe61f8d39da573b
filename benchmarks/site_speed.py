"""How fast the public site answers, uncached and from the page cache.

gunicorn (2 sync workers, production settings, PostgreSQL, Redis) serves the demo; wrk
drives a story, a section, the home page, a feed and a search for BENCH_SECONDS (10)
each with BENCH_CONNECTIONS (8) connections, on three servers: "built" with every cache
of pages off (each request renders everything), "uncached" with whole pages not kept
(PAGE_CACHE_TIMEOUT=0) but the page-cache fragments on (a page's route, language links,
navigation, head, a story's body: what a request after someone else's publish finds), and
"cached" with both. Prints requests per second, p50 and p99, and the SQL queries each page
costs uncached; then publishes a change to the story and checks that the very next
request shows it. ``--rounds N`` (BENCH_ROUNDS) measures every page N times, taking the
pages in turn, and shows each one's median round: on a machine doing other work too, the
pages (and another site's, below) then share its load alike.

    make bench-site        (or .venv/bin/python -m benchmarks.site_speed)

Another site, e.g. Wagtail's bakerydemo served the same way, is measured in the same run
with the same wrk settings by naming its pages:

    .venv/bin/python -m benchmarks.site_speed --rounds 3 \
        --other blog=http://127.0.0.1:8100/blog/... --other home=http://127.0.0.1:8100/

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

# How each server runs: "built" renders every page from nothing, "uncached" keeps
# fragments (routes, language links, a story's body...) but no whole page, "cached" both.
MODES = {
    "built": {"PAGE_CACHE_TIMEOUT": "0", "PAGE_FRAGMENT_TIMEOUT": "0"},
    "uncached": {"PAGE_CACHE_TIMEOUT": "0", "PAGE_FRAGMENT_TIMEOUT": "300"},
    "cached": {"PAGE_CACHE_TIMEOUT": "300", "PAGE_FRAGMENT_TIMEOUT": "300"},
}


def serve(settings: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, **settings}
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


def query_counts(paths: dict[str, str], settings: dict[str, str]) -> dict[str, int]:
    """SQL queries of each page under one mode's settings (the second request of each)."""
    with override_settings(**{name: int(value) for name, value in settings.items()}):
        return _query_counts(paths)


def _query_counts(paths: dict[str, str]) -> dict[str, int]:
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


def measure(urls: dict[tuple[str, str], str], rounds: int) -> dict[tuple[str, str], Figures]:
    """wrk on every URL, ``rounds`` times in turn; each URL's median round by requests per
    second. Taking the pages in turn spreads whatever else the machine does over all of
    them alike, so the sites compare fairly within one run."""
    for url in urls.values():
        wait_for(url)
        run_wrk(url, 2, connections=CONNECTIONS)  # warm-up: each worker's first requests
    samples: dict[tuple[str, str], list[Figures]] = {key: [] for key in urls}
    for round_number in range(1, rounds + 1):
        print(
            f"round {round_number} of {rounds}: wrk -t2 -c{CONNECTIONS} -d{SECONDS}s on each page"
        )
        for (mode, label), url in urls.items():
            figures = run_wrk(url, SECONDS, connections=CONNECTIONS)
            samples[(mode, label)].append(figures)
            print(f"  {mode:9} {label:20} {figures.requests_per_second:8.1f} req/s", flush=True)
    return {
        key: sorted(found, key=lambda f: f.requests_per_second)[len(found) // 2]
        for key, found in samples.items()
    }


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
    parser.add_argument(
        "--rounds",
        type=int,
        default=int(os.environ.get("BENCH_ROUNDS", "1")),
        help="times each page is measured, in turn with the others (the median is shown)",
    )
    arguments = parser.parse_args()
    others = dict(item.split("=", 1) for item in arguments.other)
    if arguments.rounds < 1:
        parser.error("--rounds must be at least 1")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench-site installs it as root)")
    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})", flush=True)
    print("Migrating, loading the demo, collecting static files...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))
    call_command("collectstatic", "--noinput", verbosity=0)
    caches["pages"].clear()
    paths = pages()
    counts = {mode: query_counts(paths, settings) for mode, settings in MODES.items()}
    servers = {}
    try:
        for mode, settings in MODES.items():
            servers[mode] = serve(settings)
        urls = {
            (mode, label): base + path
            for mode, (_web, base) in servers.items()
            for label, path in paths.items()
        }
        urls.update({("other", label): url for label, url in others.items()})
        results = measure(urls, arguments.rounds)
        visible = publish_is_visible(servers["cached"][1], paths["story"])
    finally:
        for web, _base in servers.values():
            stop(web)
        shutil.rmtree(WORK, ignore_errors=True)

    print(f"\n{'page':20} {'queries':>7} {'mode':9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for (mode, label), f in results.items():
        queries = str(counts.get(mode, {}).get(label, ""))
        print(
            f"{label:20} {queries:>7} {mode:9} {f.requests_per_second:9.1f}"
            f" {f.p50_ms:8.1f} {f.p99_ms:8.1f}"
        )
    print(f"A publish is visible to the next request: {'yes' if visible else 'NO'}")
    return 0 if visible else 1


if __name__ == "__main__":
    sys.exit(main())
