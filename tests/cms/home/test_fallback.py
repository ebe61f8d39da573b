"""A page asked for in a language it does not exist in: notice, fallback or redirect."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from cms.stories.models import StoryPage
from tests.helpers import home

pytestmark = pytest.mark.django_db


def translated_story() -> StoryPage:
    """A demo story with a live English translation and none in Korean."""
    story = StoryPage.objects.live().filter(locale__language_code="vi").first()
    Page.objects.filter(translation_key=story.translation_key, locale__language_code="ko").delete()
    assert story.get_translations().live().filter(locale__language_code="en").exists()
    return story


def rest_of(page: Page) -> str:
    return page.url.split("/", 2)[2]  # "/vi/culture/x/" -> "culture/x/"


def test_a_page_missing_in_a_language_gets_a_notice_with_the_languages_it_exists_in(client):
    story = translated_story()
    response = client.get(f"/ko/{rest_of(story)}")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "ko"
    links = {a["hreflang"]: a["href"] for a in html.select(".missing-translation .language-list a")}
    expected = {
        p.locale.language_code: p.url for p in story.get_translations(inclusive=True).live()
    }
    assert links == expected
    assert "ko" not in links
    assert html.select_one(".missing-translation h1").get_text().strip()


def test_a_notice_is_translated_into_the_requested_language(client):
    story = translated_story()
    vietnamese = BeautifulSoup(client.get(f"/km/{rest_of(story)}xx/").content, "html.parser")
    assert vietnamese.select_one(".missing-translation") is None  # no such page anywhere
    Page.objects.filter(translation_key=story.translation_key, locale__language_code="lo").delete()
    lao = BeautifulSoup(client.get(f"/lo/{rest_of(story)}").content, "html.parser")
    english = BeautifulSoup(client.get(f"/ko/{rest_of(story)}").content, "html.parser")
    heading = lao.select_one(".missing-translation h1").get_text()
    assert heading != english.select_one(".missing-translation h1").get_text()
    assert any("\u0e80" <= ch <= "\u0eff" for ch in heading), heading  # Lao script


def test_a_language_with_a_fallback_shows_the_page_labelled_in_the_fallback(client, settings):
    settings.TRANSLATION_FALLBACKS = ["ko:en"]
    story = translated_story()
    english = story.get_translations().get(locale__language_code="en")
    response = client.get(f"/ko/{rest_of(story)}")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en"
    assert html.h1.get_text().strip() == english.title
    notice = html.select_one(".fallback-notice")
    assert notice["lang"] == "ko"
    assert html.select_one('link[rel="canonical"]')["href"].endswith(english.url)


def test_a_translation_under_its_own_slug_is_reached_by_redirect(client):
    story = translated_story()
    english = story.get_translations().get(locale__language_code="en").specific
    english.slug = "an-english-slug"
    english.save_revision().publish()
    english.refresh_from_db()
    response = client.get(f"/en/{rest_of(story)}")
    assert response.status_code == 302
    assert response["Location"] == english.url


def test_unknown_paths_and_languages_stay_plain_404s(client):
    assert client.get("/ko/no-such-page/").status_code == 404
    assert client.get("/xx/culture/").status_code in (302, 404)  # Django's own handling
    response = client.post(f"/ko/{rest_of(translated_story())}")
    assert response.status_code in (404, 405)


@pytest.mark.parametrize(
    "accept_language",
    ["vi", "en", "zh-CN", "lo", "km", "fr-FR", "ru", "es-ES", "ja", "ko-KR"],
)
def test_root_sends_each_language_with_content_to_its_home(client, accept_language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    code = {"zh-CN": "zh-hans", "fr-FR": "fr", "es-ES": "es", "ko-KR": "ko"}.get(
        accept_language, accept_language
    )
    has_content = home(code).get_descendants().live().exists()
    assert response["Location"] == (f"/{code}/" if has_content else "/en/")


def test_root_skips_a_language_whose_home_has_nothing_below_it(client):
    for page in home("ja").get_descendants().live():
        page.unpublish()
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja,ko;q=0.5")
    assert response["Location"] == ("/ko/" if home("ko").get_descendants().live() else "/en/")
    assert client.get("/ja/").status_code == 200  # the home itself stays reachable
