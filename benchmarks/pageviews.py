"""Cost of the page-view counter (cms/measurement/counter.py) on a story page.

Two WSGI handlers serve the same story page in one process: the site's middleware with the
counter, and the same list without it. Requests alternate between them (so load and
caches affect both alike), BENCH_REQUESTS (400) of each after a warm-up, on SQLite and on
PostgreSQL. Prints per-request median and p95 with the counter on and off and their
difference (noisy: whole requests vary more than the counter costs), then the counter's
own work alone (the middleware around a view that answers at once, its share of the
batched upserts included),
which is what the counter adds to every request; the target is under 2 ms at the median.

    .venv/bin/python -m benchmarks.pageviews
BENCH_BACKENDS=sqlite or =postgresql runs one of them. PostgreSQL uses the database
`vnip_bench_pageviews` (BENCH_PAGEVIEWS_DATABASE_URL), dropped and recreated.
"""

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "400"))
WARM_UP = 30
COUNTER = "cms.measurement.counter.PageViewMiddleware"
REFERRER = "https://news.example.org/story?id=1"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PG_URL = os.environ.get(
    "BENCH_PAGEVIEWS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vnip_bench_pageviews"
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def run_one(database_url: str) -> dict:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection
    from django.http import HttpResponse
    from django.test import override_settings
    from django.test.client import RequestFactory
    from django.urls import resolve

    from cms.home.models import HomePage
    from cms.measurement.counter import PageViewMiddleware, flush
    from cms.measurement.models import PageView
    from cms.stories.models import SectionPage, StoryPage

    call_command("migrate", verbosity=0)
    call_command("setup_locales", stdout=io.StringIO())
    home = HomePage.objects.get(locale__language_code="vi")
    section = home.add_child(instance=SectionPage(title="Du lịch", slug="du-lich"))
    section.save_revision().publish()
    story = section.add_child(
        instance=StoryPage(
            title="Vịnh Hạ Long", slug="vinh-ha-long", standfirst="Một ngày trên vịnh."
        )
    )
    story.save_revision().publish()
    path = story.get_url()

    assert COUNTER in settings.MIDDLEWARE, "the counter is not in MIDDLEWARE"
    with_counter = WSGIHandler()
    with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if m != COUNTER]):
        without_counter = WSGIHandler()
    factory = RequestFactory()

    def timed(handler) -> float:
        environ = factory.get(path, HTTP_USER_AGENT=BROWSER, HTTP_HOST="localhost").environ
        environ["wsgi.input"] = io.BytesIO(b"")
        statuses = []
        started = time.perf_counter()
        body = b"".join(handler(environ, lambda status, headers: statuses.append(status)))
        elapsed = (time.perf_counter() - started) * 1000
        assert statuses[0].startswith("200") and body, statuses
        return elapsed

    for _ in range(WARM_UP):
        timed(with_counter)
        timed(without_counter)
    flush()
    PageView.objects.all().delete()
    on, off = [], []
    for n in range(REQUESTS):
        pair = (with_counter, on), (without_counter, off)
        for handler, timings in pair if n % 2 else pair[::-1]:
            timings.append(timed(handler))
    flush()
    counted = sum(PageView.objects.values_list("views", flat=True))
    assert counted == REQUESTS, f"{counted} views counted for {REQUESTS} requests"

    # The counter's own work per request: the middleware around a view that answers at once.
    page = HttpResponse("<!doctype html><p>x</p>", content_type="text/html; charset=utf-8")
    middleware = PageViewMiddleware(lambda request: page)
    own = []
    for _ in range(REQUESTS):
        request = factory.get(
            path, HTTP_USER_AGENT=BROWSER, HTTP_HOST="localhost", HTTP_REFERER=REFERRER
        )
        request.resolver_match = resolve(path)
        started = time.perf_counter()
        middleware(request)
        own.append((time.perf_counter() - started) * 1000)

    return {
        "vendor": connection.vendor,
        "on": on,
        "off": off,
        "own": own,
    }


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(run_one(sys.argv[2])), flush=True)
        return 0
    from benchmarks.database import recreate_database

    wanted = os.environ.get("BENCH_BACKENDS", "sqlite,postgresql").split(",")
    targets = []
    if "sqlite" in wanted:
        folder = tempfile.mkdtemp(prefix="bench-pageviews-")
        targets.append(("SQLite", f"sqlite:///{folder}/pageviews.sqlite3"))
    if "postgresql" in wanted:
        recreate_database(PG_URL)
        targets.append(("PostgreSQL", PG_URL))
    failed = False
    for label, url in targets:
        print(
            f"{label}: {REQUESTS} requests with the counter and {REQUESTS} without...", flush=True
        )
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.pageviews", "--child", url],
            capture_output=True,
            text=True,
        )
        if child.returncode:
            print(child.stdout[-2000:], child.stderr[-4000:])
            failed = True
            continue
        result = json.loads(child.stdout.strip().splitlines()[-1])
        on, off, own = result["on"], result["off"], result["own"]
        paired = [a - b for a, b in zip(on, off, strict=True)]
        for name, timings in (("counter on: ", on), ("counter off:", off)):
            median, p95 = statistics.median(timings), percentile(timings, 0.95)
            print(f"  {name} median {median:6.2f} ms   p95 {p95:6.2f} ms   (whole request)")
        median_added = statistics.median(own)
        print(
            f"  added, paired requests: median {statistics.median(paired):6.2f} ms"
            f"   p95 {percentile(on, 0.95) - percentile(off, 0.95):6.2f} ms"
        )
        print(
            f"  added, the counter's own work: median {median_added:.3f} ms"
            f"   p95 {percentile(own, 0.95):.3f} ms"
        )
        if median_added >= 2.0:
            print("  over the 2 ms budget")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
