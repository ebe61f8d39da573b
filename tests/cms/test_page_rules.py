"""Which page types may live where."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from cms.aggregator.models import FeedIndexPage
from cms.clarifications.models import ClarificationIndexPage, ClarificationPage
from cms.events.models import EventIndexPage, EventPage
from cms.galleries.models import GalleryPage
from cms.home.models import HomePage
from cms.people.models import PeopleIndexPage, ProfilePage
from cms.press.models import PressReleaseIndexPage, PressReleasePage
from cms.provinces.models import ProvinceIndexPage, ProvincePage
from cms.stories.models import SectionPage, StoryPage
from cms.submissions.models import ContributionIndexPage, ContributionPage
from cms.taxonomy.models import Province
from tests.factories import HomePageFactory, StoryPageFactory
from tests.helpers import home, locale, section

pytestmark = pytest.mark.django_db

RULES = {
    HomePage: {
        SectionPage,
        GalleryPage,
        ProvinceIndexPage,
        FeedIndexPage,
        PeopleIndexPage,
        EventIndexPage,
        PressReleaseIndexPage,
        ContributionIndexPage,
        ClarificationIndexPage,
    },
    PeopleIndexPage: {ProfilePage},
    EventIndexPage: {EventPage},
    PressReleaseIndexPage: {PressReleasePage},
    ContributionIndexPage: {ContributionPage},
    ClarificationIndexPage: {ClarificationPage},
    FeedIndexPage: set(),
    SectionPage: {StoryPage, GalleryPage},
    StoryPage: set(),
    GalleryPage: set(),
    ProvinceIndexPage: {ProvincePage},
    ProvincePage: set(),
}


@pytest.mark.parametrize("parent_model", RULES)
def test_allowed_children(parent_model):
    assert set(parent_model.allowed_subpage_models()) == RULES[parent_model]


def test_home_pages_only_under_the_root():
    assert HomePage.allowed_parent_page_models() == [Page]


def test_a_second_home_page_in_the_same_language_is_refused():
    root = Page.get_first_root_node()
    with translation.override("en"), pytest.raises(ValidationError, match="already has a home"):
        HomePageFactory(parent=root, title="Another", slug="another", locale=locale("en"))


def test_stories_cannot_be_created_directly_under_home():
    assert not StoryPage.can_create_at(home("vi"))
    assert StoryPage.can_create_at(section("culture"))


def test_one_province_index_per_home():
    assert not ProvinceIndexPage.can_create_at(home("vi"))


def test_a_province_has_one_page_per_language():
    index = ProvinceIndexPage.objects.get(locale__language_code="vi")
    hanoi = Province.objects.get(code="hanoi")
    duplicate = ProvincePage(title="Hà Nội 2", slug="hanoi-2", province=hanoi)
    with translation.override("en"), pytest.raises(ValidationError, match="already has a page"):
        index.add_child(instance=duplicate)


def test_story_factory_makes_a_live_story():
    story = StoryPageFactory(parent=section("economy"))
    assert story.live
    assert story.locale.language_code == "vi"
