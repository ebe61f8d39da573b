"""The demo is a real edition in every language, its new translations reviewed."""

import pytest
from wagtail.models import Page

from cms.demo.editions import EDITION_LANGUAGES
from cms.demo.loader import EDITIONS, DemoLoader
from cms.galleries.models import GalleryPage
from cms.provinces.models import ProvinceIndexPage, ProvincePage
from cms.stories.models import SectionPage, StoryPage
from translations.models import TranslationReview
from translations.models.workflow import ReviewState

pytestmark = pytest.mark.django_db

ALL = ("vi", *EDITION_LANGUAGES)
REVIEWED_SECTIONS = ("fr", "ru", "es", "ja", "ko")


def approved(page: Page) -> TranslationReview:
    review = TranslationReview.objects.select_related("approved_by", "submitted_by").get(
        translation__source__object_id=page.translation_key,
        translation__target_locale=page.locale,
    )
    assert review.state == ReviewState.APPROVED
    return review


@pytest.mark.parametrize("code", ALL)
def test_every_language_has_live_sections_stories_gallery_and_provinces(code, settings):
    live = {"locale__language_code": code, "live": True}
    assert SectionPage.objects.filter(**live).count() == 6
    assert StoryPage.objects.filter(**live).count() >= 3
    assert GalleryPage.objects.filter(**live).count() == 1
    assert ProvinceIndexPage.objects.filter(**live).count() == 1
    editions = settings.DEMO_PROVINCE_EDITIONS or 34
    assert ProvincePage.objects.filter(**live).count() == (34 if code in ("vi", "en") else editions)


@pytest.mark.parametrize("code", EDITION_LANGUAGES)
def test_the_new_stories_were_post_edited_and_approved_by_that_languages_team(code):
    for spec in EDITIONS["stories"]:
        source = StoryPage.objects.get(slug=spec["slug"], locale__language_code="vi")
        page = source.get_translations().get(locale__language_code=code).specific
        assert page.live and page.title == spec["versions"][code]["title"]
        paragraphs = [b.value.source for b in page.body if b.block_type == "paragraph"]
        assert spec["versions"][code]["body"][0][1] in paragraphs[0]
        review = approved(page)
        assert review.submitted_by.username == f"translator-{code}"
        assert review.approved_by.username == f"reviewer-{code}"
        assert not review.approved_by.has_usable_password()


@pytest.mark.parametrize("code", [c for c in EDITION_LANGUAGES if c != "en"])
def test_gallery_and_province_pages_are_reviewed_translations(code, settings):
    gallery = GalleryPage.objects.get(locale__language_code=code)
    approved(gallery)
    photos = [item.value for item in gallery.items]
    vi = GalleryPage.objects.get(locale__language_code="vi")
    assert len(photos) == 4
    assert photos[0]["caption"] != vi.items[0].value["caption"]
    assert photos[0]["alt_text"] != vi.items[0].value["alt_text"]
    pages = ProvincePage.objects.filter(locale__language_code=code, live=True)
    reviewed = TranslationReview.objects.filter(
        translation__target_locale__language_code=code,
        translation__source__object_id__in=pages.values("translation_key"),
        state=ReviewState.APPROVED,
    )
    assert reviewed.count() == (settings.DEMO_PROVINCE_EDITIONS or 34)
    hanoi = pages.get(province__code="hanoi")
    assert hanoi.title == hanoi.province.name_in(code) != hanoi.province.name_in("vi")


@pytest.mark.parametrize("code", REVIEWED_SECTIONS)
def test_sections_in_the_new_languages_were_reviewed(code):
    for section in SectionPage.objects.filter(locale__language_code=code):
        approved(section)


def test_japanese_titles():
    assert (
        ProvincePage.objects.get(locale__language_code="ja", province__code="hue").title == "フエ"
    )
    titles = set(
        SectionPage.objects.filter(locale__language_code="ja").values_list("title", flat=True)
    )
    assert {"経済", "文化", "観光"} <= titles


def test_loading_again_publishes_no_new_translation():
    reviews = TranslationReview.objects.count()
    loader = DemoLoader()
    report = loader.run()
    assert report.created == []
    assert loader.editions.published == 0
    assert TranslationReview.objects.count() == reviews
