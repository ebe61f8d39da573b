"""New pages saved with a blank or machine-made slug get a readable one; the demo loader
makes its slugs the same way."""

import copy
import re

import pytest
from wagtail.models import Page

from cms.core.slugs import available_slug
from cms.demo.loader import STORIES, DemoLoader
from cms.stories.models import SectionPage, StoryPage
from cms.taxonomy.models import Topic
from tests.helpers import section

pytestmark = pytest.mark.django_db


def add_story(parent: Page, title: str, slug: str = "") -> StoryPage:
    """Added as a draft, then published: Wagtail validates a live page's slug before any
    hook runs, and its ASCII slugify leaves nothing of a Chinese title."""
    page = parent.add_child(instance=StoryPage(title=title, slug=slug, standfirst="x", live=False))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_blank_slug_keeps_every_vietnamese_letter(client):
    page = add_story(section("culture"), "Đà Nẵng về đêm")  # Django's slugify: a-nang-ve-em
    assert page.slug == "da-nang-ve-dem"
    assert page.url_path.endswith("/culture/da-nang-ve-dem/")
    assert client.get("/vi/culture/da-nang-ve-dem/").status_code == 200


def test_wagtails_mangled_slug_is_replaced_and_siblings_get_a_number():
    first = add_story(
        section("culture"), "Rừng bậc thang Mù Cang Chải", "rung-bc-thang-mu-cang-chi"
    )
    second = add_story(section("culture"), "Rừng bậc thang Mù Cang Chải")
    assert first.slug == "rung-bac-thang-mu-cang-chai"
    assert second.slug == "rung-bac-thang-mu-cang-chai-2"


def test_a_chosen_slug_is_kept_and_existing_pages_are_not_renamed():
    page = add_story(section("culture"), "Đà Nẵng về đêm", "danang-night")
    assert page.slug == "danang-night"
    page.slug = "a-nang-ve-em"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == "a-nang-ve-em"


def test_chinese_title_gives_a_chinese_slug(client):
    page = add_story(section("culture", "zh-hans"), "越南咖啡出口创纪录")
    assert page.slug == "越南咖啡出口创纪录"
    assert client.get(page.url).status_code == 200


def test_available_slug_counts_from_two():
    parent = section("culture")
    add_story(parent, "Huế", "hue-2")
    assert available_slug(parent, "hue") == "hue"
    add_story(parent, "Huế", "hue")
    assert available_slug(parent, "hue") == "hue-3"


def test_demo_source_pages_have_readable_slugs():
    pages = Page.objects.filter(locale__language_code="vi", depth__gt=2)
    assert pages.count() > 20
    for page in pages:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", page.slug), page.slug


def test_demo_story_without_a_slug_gets_one_from_its_vietnamese_title():
    spec = copy.deepcopy(STORIES[0])
    del spec["slug"]
    spec["versions"]["vi"]["title"] = "Rừng bậc thang Mù Cang Chải"
    parent = SectionPage.objects.get(locale__language_code="vi", slug=spec["section"])
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    loader = DemoLoader()
    loader.load_story(spec, parent, topics)
    story = StoryPage.objects.child_of(parent).get(slug="rung-bac-thang-mu-cang-chai")
    assert story.live
    assert story.get_translations().filter(locale__language_code="en").exists()
    # Idempotent: a second run finds the page by the same slug.
    loader.load_story(spec, parent, topics)
    assert StoryPage.objects.child_of(parent).filter(title=story.title).count() == 1
