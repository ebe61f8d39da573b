import pytest
from wagtail.images.models import Image
from wagtail.models import Page

from cms.demo.loader import STORIES, DemoLoader
from cms.galleries.models import GalleryPage
from cms.provinces.models import ProvincePage
from cms.stories.models import StoryPage
from cms.taxonomy.models import Province

pytestmark = pytest.mark.django_db


def live_stories(code):
    return StoryPage.objects.live().filter(locale__language_code=code)


def test_at_least_twelve_vietnamese_stories_each_with_english():
    vietnamese = live_stories("vi")
    assert vietnamese.count() >= 12
    for story in vietnamese:
        assert story.get_translations().filter(locale__language_code="en").live().exists()


@pytest.mark.parametrize(("code", "minimum"), [("zh-hans", 3), ("lo", 2), ("km", 3)])
def test_some_stories_in_chinese_lao_and_khmer(code, minimum):
    assert live_stories(code).count() >= minimum


def test_gallery_has_generated_images_with_captions():
    gallery = GalleryPage.objects.get(locale__language_code="en")
    photos = [item.value for item in gallery.items if item.block_type == "photo"]
    assert len(photos) == 4
    assert all(photo["caption"] and photo["alt_text"] for photo in photos)
    assert photos[0]["image"].width == 1600


@pytest.mark.parametrize("code", ["vi", "en", "km"])
def test_each_gallery_photo_has_its_own_alternative_text(code):
    gallery = GalleryPage.objects.get(locale__language_code=code)
    alts = [item.value["alt_text"] for item in gallery.items]
    assert len(alts) == 4 and len(set(alts)) == 4 and all(alts)
    gallery.full_clean()  # publishing it again passes the gallery's own check


def test_province_pages_for_all_34_provinces():
    assert Province.objects.count() == 34
    for code in ("vi", "en"):
        assert ProvincePage.objects.live().filter(locale__language_code=code).count() == 34


def test_loading_twice_changes_nothing():
    pages, images = Page.objects.count(), Image.objects.count()
    revisions = {p.pk: p.latest_revision_id for p in Page.objects.all()}
    report = DemoLoader().run()
    assert report.created == []
    assert Page.objects.count() == pages
    assert Image.objects.count() == images
    assert {p.pk: p.latest_revision_id for p in Page.objects.all()} == revisions


def test_loading_again_keeps_an_editors_change():
    story = StoryPage.objects.get(slug=STORIES[0]["slug"], locale__language_code="en")
    story.title = "Edited by an editor"
    story.save_revision().publish()
    DemoLoader().run()
    story.refresh_from_db()
    assert story.title == "Edited by an editor"


def test_loading_restores_a_deleted_translation():
    story = StoryPage.objects.get(slug="coffee-exports", locale__language_code="en")
    story.delete()
    report = DemoLoader().run()
    assert len(report.created) == 1
    assert live_stories("en").filter(slug="coffee-exports").exists()
