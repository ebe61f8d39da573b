"""Kept routes and page fragments: fewer queries between publishes, never a stale page."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.clarifications.models import ClarificationIndexPage
from cms.stories.models import StoryPage
from cms.taxonomy.models import Province
from tests.factories import StoryPageFactory
from tests.helpers import home, locale, section, story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    """Whole pages are not kept here (PAGE_CACHE_TIMEOUT stays 0): every request renders."""
    settings.PAGE_FRAGMENT_TIMEOUT = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def queries(client, path: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured), response.content


def test_a_story_read_again_costs_a_handful_of_queries_and_renders_alike(client):
    path = story("coffee-exports", "en").url
    first, first_html = queries(client, path)
    again, again_html = queries(client, path)
    assert again <= 7 < first
    assert again_html == first_html


def test_a_renamed_page_moves_at_once_and_its_old_path_redirects(client):
    page = story("coffee-exports", "en")
    old_path = page.url
    client.get(old_path)
    page.slug = "coffee-exports-2026"
    page.save_revision().publish()

    new_path = StoryPage.objects.get(pk=page.pk).url
    old = client.get(old_path)
    assert old.status_code in (301, 302) and old["Location"] == new_path  # Wagtail's redirect
    moved = client.get(new_path)
    assert moved.status_code == 200 and page.title.encode() in moved.content


def test_a_path_that_named_nothing_serves_the_page_published_there_later(client):
    parent = section("economy", "en")
    assert client.get(parent.url + "rice-harvest/").status_code == 404
    StoryPageFactory(parent=parent, title="Rice harvest", slug="rice-harvest")
    response = client.get(parent.url + "rice-harvest/")
    assert response.status_code == 200 and b"Rice harvest" in response.content


def test_an_unpublished_page_kept_as_a_route_is_not_served(client):
    page = story("coffee-exports", "en")
    client.get(page.url)
    # Unpublished without the signals that replace the cache's generation (a raw update):
    # the kept route still names it, and the route is not trusted for a page not live.
    StoryPage.objects.filter(pk=page.pk).update(live=False)
    assert client.get(page.url).status_code == 404


def test_a_page_that_routes_its_own_sub_paths_still_does(client):
    index = ClarificationIndexPage.objects.filter(locale__language_code="en", live=True).first()
    if index is None:
        pytest.skip("the demo has no English corrections page")
    assert client.get(index.url).status_code == 200
    assert client.get(index.url + "rss/").status_code == 200
    assert client.get(index.url + "rss/")["Content-Type"].startswith("application/rss+xml")


def test_the_language_switcher_and_sections_follow_a_publish(client):
    english = story("coffee-exports", "en")
    path = english.url
    before = client.get(path).content.decode()
    french = english.get_translation_or_none(locale("fr"))
    if french is not None and french.live:
        french.unpublish()
    after_unpublish = client.get(path).content.decode()
    assert 'hreflang="fr"' not in after_unpublish

    section_page = section("economy", "en")
    section_page.title = "Economy and trade"
    section_page.save_revision().publish()
    assert "Economy and trade" in client.get(path).content.decode()
    assert "Economy and trade" not in before


def test_related_stories_follow_a_publish(client):
    page = story("coffee-exports", "en")
    if page.province is None:
        page.province = Province.objects.first()
        page.save_revision().publish()
    other = StoryPageFactory(parent=section("economy", "en"), province=page.province)
    assert other.title.encode() in client.get(page.url).content

    other.title = "A renamed related story"
    other.save_revision().publish()
    assert b"A renamed related story" in client.get(page.url).content


def test_the_home_page_is_routed_and_kept_like_any_other(client):
    path = home("en").url
    first, _ = queries(client, path)
    again, _ = queries(client, path)
    assert again < first


def test_a_story_body_is_kept_until_the_story_or_a_picture_changes(client):
    page = story("coffee-exports", "en")
    client.get(page.url)
    kept, _ = queries(client, page.url)
    assert kept <= 3  # the page, its view restrictions: the body comes from its fragment

    page.standfirst = "A new standfirst, published."
    page.save_revision().publish()
    assert b"A new standfirst, published." in client.get(page.url).content

    client.get(page.url)
    image = StoryPage.objects.get(pk=page.pk).hero_image
    if image is None:
        pytest.skip("the demo story has no hero image")
    image.title = "Renamed without publishing a page"
    image.focal_point_x, image.focal_point_y, image.focal_point_width = 10, 10, 10
    image.focal_point_height = 10
    image.save()
    rebuilt, _ = queries(client, page.url)
    assert rebuilt > kept  # a media change empties the kept parts too


def test_a_preview_never_comes_from_the_kept_body(client):
    from tests.factories import UserFactory

    page = story("coffee-exports", "en")
    client.get(page.url)  # keeps the published body
    page.standfirst = "Only in the draft."
    revision = page.save_revision()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    preview = client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
    assert preview.status_code == 200 and b"Only in the draft." in preview.content
    client.logout()
    assert b"Only in the draft." not in client.get(page.url).content
