"""The demo loader's slugs: readable, and made from the Vietnamese title when a story
has none."""

import copy
import re

import pytest
from wagtail.models import Page

from cms.demo.loader import STORIES, DemoLoader
from cms.stories.models import SectionPage, StoryPage
from cms.taxonomy.models import Topic

pytestmark = pytest.mark.django_db


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
