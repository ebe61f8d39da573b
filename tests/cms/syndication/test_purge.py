"""Publishing a story purges a CDN's copies of the page and of every page and feed that
lists it: a real HTTP server on 127.0.0.1 stands in for Varnish and records the PURGEs."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cms.provinces.models import ProvincePage
from tests.helpers import story

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server.purged
    server.shutdown()


def test_publishing_purges_the_page_its_listings_and_its_feeds(cdn):
    page = story("coffee-exports", "en")
    page.save_revision().publish()

    section, home = page.get_parent(), page.get_parent().get_parent()
    assert page.url in cdn
    assert section.url in cdn and home.url in cdn
    assert "/en/feeds/rss.xml" in cdn and "/en/feeds/atom.xml" in cdn
    assert f"/en/feeds/section/{section.slug}/rss.xml" in cdn
    if page.province_id:
        province = ProvincePage.objects.get(province_id=page.province_id, locale=page.locale)
        assert province.url in cdn
        assert f"/en/feeds/province/{page.province.code}/rss.xml" in cdn


def test_unpublishing_purges_the_listings_too(cdn):
    page = story("coffee-exports", "vi")
    page.unpublish()
    assert page.get_parent().url in cdn and "/vi/feeds/rss.xml" in cdn


def test_without_a_frontend_cache_nothing_is_sent(settings):
    settings.WAGTAILFRONTENDCACHE = {}
    story("coffee-exports", "en").save_revision().publish()  # no server, no error
