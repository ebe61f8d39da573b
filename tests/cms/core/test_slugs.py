"""New pages saved with a blank or machine-made slug get a readable one."""

import pytest
from wagtail.models import Page

from cms.core.slugs import available_slug
from cms.stories.models import StoryPage
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
