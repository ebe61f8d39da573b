"""Page types declare themselves searchable; search finds them without importing them."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from cms.clarifications.models import ClarificationIndexPage, ClarificationPage
from cms.events.models import EventIndexPage, EventPage
from cms.galleries.models import GalleryPage
from cms.home.models import HomePage
from cms.people.models import PeopleIndexPage, ProfilePage
from cms.press.models import PressReleaseIndexPage, PressReleasePage
from cms.search.documents import page_document, searchable_page_models, section_page_models
from cms.stories.models import SectionPage, StoryPage
from tests.helpers import story

pytestmark = pytest.mark.django_db


def test_searchable_page_types_and_their_sections():
    assert set(searchable_page_models()) == {
        StoryPage,
        GalleryPage,
        ProfilePage,
        EventPage,
        PressReleasePage,
        ClarificationPage,
    }
    assert set(section_page_models()) == {
        SectionPage,
        HomePage,
        PeopleIndexPage,
        EventIndexPage,
        PressReleaseIndexPage,
        ClarificationIndexPage,
    }


def test_story_document_carries_its_kind_section_and_text():
    page = story("ha-long-bay", "en")
    document = page_document(page)
    assert document["kind"] == "story"
    assert document["fields"]["section"] == "tourism"
    assert page.standfirst in document["fields"]["body"]


def test_search_form_offers_the_sections_of_the_language(client):
    soup = BeautifulSoup(client.get("/en/search/", {"q": "Vietnam"}).content, "html.parser")
    offered = [option["value"] for option in soup.select('select[name="section"] option')]
    expected = (
        Page.objects.live()
        .type(*section_page_models())
        .filter(depth__gt=2, locale__language_code="en")
    )
    assert offered == ["", *expected.values_list("slug", flat=True)]
    assert "economy" in offered and "provinces" not in offered
