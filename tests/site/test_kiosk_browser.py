"""A border-gate kiosk in headless Chromium: it cycles through its items, keeps showing
them (even after a reload) while the site is down, and once the site is back its
heartbeat, with the counts of what it showed offline, reaches the admin.

The site runs in a threaded WSGI server of our own on a fixed port (the kiosk's stored
copy belongs to that origin), which the test stops and starts again; pytest-django's
live_server cannot be stopped."""

import socket
import threading
import time

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db.models import Sum
from django.test import Client
from django.test.testcases import _MediaFilesHandler
from django.utils import timezone
from wagtail.models import Locale

from cms.displays.models import Display, ItemShown
from cms.stories.models import SectionPage
from tests import demo_snapshot
from tests.artifacts import artifact_dir
from tests.factories import UserFactory
from tests.site.chromium import start_chromium

pytestmark = pytest.mark.browser


class OneRequestHandler(WSGIRequestHandler):
    """One request per connection, so that no kept-alive socket outlives a stop."""

    def handle_one_request(self):
        super().handle_one_request()
        self.close_connection = True

    def log_message(self, *args):
        pass


class StoppableServer:
    def __init__(self, port: int):
        self.port = port
        self.httpd = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.httpd = ThreadedWSGIServer(("127.0.0.1", self.port), OneRequestHandler)
        self.httpd.set_app(_MediaFilesHandler(WSGIHandler()))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout: float = 30, step: float = 0.25, message: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(message or "condition not met in time")


def current_item(browser) -> tuple[str, str]:
    return browser.execute_script(
        "const s = document.getElementById('kiosk-stage');"
        "return [s.dataset.item || '', document.getElementById('kiosk-title').textContent];"
    )


def items_seen(browser, seconds: float) -> set[str]:
    seen, deadline = set(), time.monotonic() + seconds
    while time.monotonic() < deadline:
        item, title = current_item(browser)
        if item and title:
            seen.add(item)
        time.sleep(0.2)
    return seen


CACHED = """
const done = arguments[arguments.length - 1];
caches.open("kiosk-v1").then(c => c.match(location.href)).then(hit => done(!!hit &&
    !!navigator.serviceWorker.controller), () => done(false));
"""


@pytest.fixture
def browser():
    driver = start_chromium(console_log=True)
    yield driver
    driver.quit()


@pytest.mark.django_db(transaction=True)
def test_kiosk_cycles_survives_an_outage_and_reports_back(browser, settings):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    settings.DISPLAYS_REFRESH_SECONDS = 3
    display = Display.objects.create(
        name="Cửa khẩu thử", slug="browser-gate", seconds_per_item=2, heartbeat_seconds=2
    )
    display.languages.set(Locale.objects.filter(language_code__in=["vi", "zh-hans"]))
    display.sections.set(SectionPage.objects.filter(locale__language_code="vi"))
    server = StoppableServer(free_port())
    server.start()
    kiosk = server.url + display.get_absolute_url()
    try:
        browser.get(kiosk)
        # The first bundle makes the images' renditions: give it time.
        wait_for(lambda: current_item(browser)[0], 90, message="the kiosk showed nothing")
        # It cycles: several items, in both languages, within a few seconds.
        seen = items_seen(browser, 7)
        assert len(seen) >= 3, seen
        screenshots = artifact_dir("Browser screenshots", "screenshots")
        assert browser.save_screenshot(str(screenshots / "kiosk-online.png"))
        languages = browser.execute_script("return document.getElementById('kiosk-stage').lang")
        assert languages in ("vi", "zh-hans")
        wait_for(lambda: browser.execute_async_script(CACHED), message="kiosk not cached")
        wait_for(lambda: Display.objects.get(pk=display.pk).last_heartbeat_at, 10)

        server.stop()
        down_since = timezone.now()
        # The link is down: the kiosk keeps cycling through what it downloaded...
        offline_seen = items_seen(browser, 7)
        assert len(offline_seen) >= 2, offline_seen
        status = wait_for(
            lambda: browser.execute_script(
                "const s = document.getElementById('kiosk-status');"
                "return s.hidden ? '' : s.textContent;"
            ),
            10,
            message="no offline notice",
        )
        assert "No connection" in status
        assert browser.save_screenshot(str(screenshots / "kiosk-offline.png"))
        # ...and even a reload (a power cut, a watchdog) brings it back from the cache.
        browser.refresh()
        wait_for(lambda: current_item(browser)[0], 20, message="nothing after the reload")
        after_reload = items_seen(browser, 6)
        assert len(after_reload) >= 2, after_reload
        assert current_item(browser)[1] not in ("", display.name)
        assert Display.objects.get(pk=display.pk).last_heartbeat_at < down_since

        server.start()
        back = timezone.now()
        wait_for(
            lambda: Display.objects.get(pk=display.pk).last_heartbeat_at > back,
            20,
            message="no heartbeat after the server came back",
        )
        wait_for(
            lambda: (
                (ItemShown.objects.filter(display=display).aggregate(n=Sum("count"))["n"] or 0)
                >= len(seen | offline_seen | after_reload)
            ),
            20,
            message="the counts of what was shown offline did not arrive",
        )
    finally:
        server.stop()
    admin = Client()
    admin.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = admin.get("/admin/displays/").content.decode()
    row = listing[listing.index("Cửa khẩu thử") :]
    assert "online" in row[:3000]
    assert "offline" not in row[: row.index("online")]
