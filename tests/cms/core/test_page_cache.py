"""The page cache: anonymous readers get kept pages; a publish is visible to the next one."""

import gzip

import pytest
from django.core.cache import caches

from cms.aggregator.models import Item
from cms.aggregator.signals import items_ingested
from cms.core import page_cache
from cms.core.page_cache import HEADER
from cms.measurement import counter
from cms.measurement.models import PageView
from cms.stories.models import StoryPage
from tests.factories import UserFactory
from tests.helpers import home, story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 300
    settings.PAGE_FRAGMENT_TIMEOUT = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def url(page) -> str:
    return page.get_url()


def test_a_second_anonymous_read_comes_from_the_cache_with_validators(client):
    page = story("coffee-exports", "en")
    first = client.get(url(page))
    second = client.get(url(page))

    assert first[HEADER] == "miss" and second[HEADER] == "hit"
    assert second.content == first.content
    assert page.title.encode() in second.content
    assert "public" in second["Cache-Control"] and "s-maxage=300" in second["Cache-Control"]
    assert second["ETag"] == first["ETag"]
    assert second["Content-Security-Policy"]  # headers of the outer middleware are fresh
    revalidated = client.get(url(page), HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304 and revalidated.content == b""


def test_head_is_answered_from_the_kept_get(client):
    page = story("coffee-exports", "en")
    client.get(url(page))
    head = client.head(url(page))
    assert head.status_code == 200 and head[HEADER] == "hit"


def test_a_publish_is_visible_to_the_next_request_and_on_the_pages_that_list_it(client):
    page = story("coffee-exports", "en")
    listing = url(home("en"))
    client.get(url(page))
    client.get(listing)
    assert client.get(listing)[HEADER] == "hit"

    page.title = "Coffee exports break a record"
    page.save_revision().publish()

    story_page = client.get(url(page))
    home_page = client.get(listing)
    assert story_page[HEADER] == "miss" and b"Coffee exports break a record" in story_page.content
    assert home_page[HEADER] == "miss"


def test_an_unpublished_page_is_gone_at_once(client):
    page = story("coffee-exports", "en")
    path = url(page)
    assert client.get(path).status_code == 200
    page.unpublish()
    assert client.get(path).status_code == 404


def test_a_deleted_page_is_gone_at_once(client):
    page = story("coffee-exports", "en")
    path = url(page)
    assert client.get(path).status_code == 200
    page.delete()
    assert client.get(path).status_code == 404


def test_new_news_items_empty_the_cache(client):
    listing = url(home("en"))
    client.get(listing)
    assert client.get(listing)[HEADER] == "hit"
    items_ingested.send(sender=Item, item_ids=[])
    assert client.get(listing)[HEADER] == "miss"


def test_signed_in_users_are_never_served_or_stored(client):
    page = story("coffee-exports", "en")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert HEADER not in client.get(url(page))
    assert HEADER not in client.get(url(page))
    client.logout()
    assert client.get(url(page))[HEADER] == "miss"


def test_any_cookie_but_the_csrf_one_bypasses_the_cache(client):
    page = story("coffee-exports", "en")
    client.get(url(page))
    client.cookies["csrftoken"] = "x" * 32
    assert client.get(url(page))[HEADER] == "hit"
    client.cookies["messages"] = "a flash message for this reader"
    assert HEADER not in client.get(url(page))


def test_pages_with_a_form_token_or_a_capability_are_not_kept(client):
    form = client.get("/en/newsletter/")
    assert form.status_code == 200
    assert form.get(HEADER) is None and "public" not in form.get("Cache-Control", "")
    assert client.get("/en/newsletter/").get(HEADER) is None
    confirm = client.get("/en/newsletter/confirm/not-a-real-token/")
    assert confirm.get(HEADER) is None


def test_query_strings_are_kept_apart(client):
    first = client.get("/en/search/?q=coffee")
    other = client.get("/en/search/?q=pho")
    assert first[HEADER] == "miss" and other[HEADER] == "miss"
    assert client.get("/en/search/?q=coffee")[HEADER] == "hit"
    assert client.get("/en/search/?q=coffee").content != other.content


def test_html_is_compressed_for_clients_that_ask(client):
    page = story("coffee-exports", "en")
    plain = client.get(url(page))
    for _ in range(2):  # a miss, then a hit
        packed = client.get(url(page), HTTP_ACCEPT_ENCODING="gzip, br")
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
        assert len(packed.content) < len(plain.content) / 2
    assert "Accept-Encoding" in packed["Vary"]


def test_switched_off_it_keeps_nothing(client, settings):
    settings.PAGE_CACHE_TIMEOUT = 0
    page = story("coffee-exports", "en")
    client.get(url(page))
    assert HEADER not in client.get(url(page))


def test_a_fragment_is_computed_once_until_the_next_publish():
    calls = []

    def compute():
        calls.append(1)
        return [("Notable people", "/en/people/")]

    assert page_cache.fragment("footer-links:en", compute) == [("Notable people", "/en/people/")]
    page_cache.fragment("footer-links:en", compute)
    assert len(calls) == 1
    story("coffee-exports", "en").save_revision().publish()
    page_cache.fragment("footer-links:en", compute)
    assert len(calls) == 2


def test_footer_links_come_from_the_fragment_and_name_the_right_language(client):
    page = story("coffee-exports", "en")
    client.cookies["messages"] = "x"  # past the page cache, into the fragment
    english = footer(client.get(url(page)).content.decode())
    vietnamese = footer(client.get(url(story("coffee-exports", "vi"))).content.decode())
    assert 'href="/en/' in english and 'href="/vi/' not in english
    assert 'href="/vi/' in vietnamese and 'href="/en/' not in vietnamese


def footer(html: str) -> str:
    start = html.index('<footer class="site-footer"')
    return html[start : html.index("</footer>", start)]


def test_a_kept_page_answers_if_none_match_itself_and_is_counted(client, settings):
    settings.MEASUREMENT_COUNT_PAGE_VIEWS = True
    page = story("coffee-exports", "en")
    reader = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}
    first = client.get(url(page), **reader)
    again = client.get(url(page), HTTP_IF_NONE_MATCH=first["ETag"], **reader)
    kept = client.get(url(page), **reader)
    assert again.status_code == 304 and again[HEADER] == "hit"
    assert kept[HEADER] == "hit" and kept.content == first.content
    counter.flush()
    assert PageView.objects.get(path=url(page), language="en").views == 2  # 200s, not the 304


def test_a_pages_head_is_kept_until_the_next_publish(client, settings):
    settings.PAGE_CACHE_TIMEOUT = 0  # whole pages are built each time; the head is kept
    page = story("coffee-exports", "en")
    client.get(url(page))
    StoryPage.objects.filter(pk=page.pk).update(title="Changed behind the cache's back")
    kept = client.get(url(page)).content
    assert b'content="Changed behind' not in kept
    assert b'"@context"' in kept and b"&quot;@context" not in kept  # JSON-LD kept as is
    page.refresh_from_db()
    page.title = "Coffee exports, republished"
    page.save_revision().publish()
    assert b'property="og:title" content="Coffee exports, republished"' in (
        client.get(url(page)).content
    )
