"""The partner API: live public pages, language and translation filters, partner fields."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, PageViewRestriction

from tests.helpers import story

pytestmark = pytest.mark.django_db


def get(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_locale_filter_lists_only_that_languages_live_pages(client):
    data = get(client, "/api/v2/pages/?locale=lo&limit=20")
    expected = Page.objects.live().public().filter(locale__language_code="lo", depth__gt=1)
    assert data["meta"]["total_count"] == expected.count()
    assert {item["meta"]["locale"] for item in data["items"]} == {"lo"}


def test_translation_of_lists_the_other_languages(client):
    source = story("ha-long-bay", "vi")
    data = get(client, f"/api/v2/pages/?translation_of={source.pk}")
    assert {item["meta"]["locale"] for item in data["items"]} == {"en", "zh-hans", "lo", "km"}
    assert source.pk not in {item["id"] for item in data["items"]}


def test_story_detail_has_partner_fields(client):
    page = story("coffee-exports", "en")
    data = get(client, f"/api/v2/pages/{page.pk}/")
    assert data["title"] == page.title
    assert data["standfirst"] == page.standfirst
    assert "Robusta" in data["body_html"]
    assert data["section"]["slug"] == "economy"
    assert data["province"]["code"] == "dak-lak"
    assert data["topics"]
    assert data["date"].startswith(str(page.date_published.year))
    assert data["lead_image"]["share"]["url"].startswith("http://testserver/media/images/")
    assert data["meta"]["url"] == f"http://testserver{page.url}"
    assert data["meta"]["licence"]["name"] == "CC BY 4.0"
    assert data["meta"]["mt_label"] is None
    assert [t["locale"] for t in data["meta"]["translations"]] == ["vi"]


def test_mt_label(client, machine_drafted):
    data = get(client, f"/api/v2/pages/{machine_drafted.pk}/")
    with translation.override("vi"):  # the API answers in the site's default language
        assert data["meta"]["mt_label"] == gettext("Machine-translated, reviewed by a human")


def test_typed_listing_with_fields(client):
    data = get(
        client, "/api/v2/pages/?type=stories.StoryPage&locale=en&fields=standfirst,lead_image,date"
    )
    assert data["items"]
    assert all(item["lead_image"]["large"]["url"] for item in data["items"])


def test_unpublished_and_private_pages_are_hidden(client, hostile_story):
    get(client, f"/api/v2/pages/{hostile_story.pk}/")
    PageViewRestriction.objects.create(
        page=hostile_story, restriction_type=PageViewRestriction.PASSWORD, password="x" * 12
    )
    get(client, f"/api/v2/pages/{hostile_story.pk}/", status=404)
    hostile_story.unpublish()
    get(client, f"/api/v2/pages/{hostile_story.pk}/", status=404)


@pytest.mark.parametrize(
    "query",
    [
        "translation_of=99999999999999999999",
        "offset=99999999999999999999",
        "locale=en%00",
        "type=stories.Nope",
        "search=coffee",
        "limit=500",
        "locale=en&locale=lo",
    ],
)
def test_bad_parameters_get_400(client, query):
    assert "message" in get(client, f"/api/v2/pages/?{query}", status=400)


def test_images_are_those_of_live_pages(client):
    data = get(client, "/api/v2/images/?limit=20")
    hero = story("coffee-exports", "en").hero_image
    assert hero.pk in {item["id"] for item in data["items"]}
