import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from cms.taxonomy.models import Province, Topic
from tests.factories import StoryPageFactory
from tests.helpers import section, story

pytestmark = pytest.mark.django_db


def test_story_renders_every_block(client):
    related = story("hoi-an-ancient-town")
    hero = story("ha-long-bay").hero_image
    page = StoryPageFactory(
        parent=section("culture"),
        title="Một bài đủ khối",
        standfirst="Sa-pô.",
        hero_image=hero,
        hero_alt="Mô tả ảnh",
        hero_caption="Chú thích",
        hero_credit="Tác giả",
        province=Province.objects.get(code="hue"),
        source_name="TTXVN",
        source_url="https://example.org/a",
        body=[
            ("heading", {"text": "Tiêu đề phụ", "level": "h2"}),
            ("paragraph", RichText("<p>Đoạn <b>văn</b>.</p>")),
            ("image", {"image": hero, "alt_text": "Ảnh trong bài", "caption": "C", "credit": "K"}),
            ("quote", {"quote": "Trích dẫn", "attribution": "Người nói"}),
            (
                "video",
                {"video": "https://www.youtube.com/watch?v=abc", "caption": "", "credit": ""},
            ),
            ("fact_box", {"title": "Số liệu", "facts": [{"label": "Năm", "value": "1993"}]}),
            ("related_stories", {"title": "", "stories": [related]}),
        ],
    )
    page.topics.set([Topic.objects.get(slug="heritage")])
    page.save_revision().publish()

    response = client.get(page.url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.text == "Một bài đủ khối"
    assert soup.select_one(".hero img")["alt"] == "Mô tả ảnh"
    assert soup.select_one(".hero picture source[type='image/webp']")["srcset"].endswith("w")
    assert soup.select_one(".hero figcaption").text.strip() == "Chú thích Tác giả"
    assert soup.find("h2", string="Tiêu đề phụ")
    assert soup.select_one(".rich-text b").text == "văn"
    assert soup.select_one(".body figure img")["alt"] == "Ảnh trong bài"
    assert soup.select_one("blockquote footer").text == "Người nói"
    assert soup.select_one(".video a")["href"] == "https://www.youtube.com/watch?v=abc"
    assert not soup.find("iframe"), "videos load only when the reader asks"
    assert soup.select_one(".fact-box dd").text == "1993"
    assert soup.select_one(".related a")["href"] == related.url
    footer = soup.select_one(".story__footer").text
    assert "Di sản" in footer and "TTXVN" in footer


def test_related_story_that_is_unpublished_is_not_linked(client):
    related = story("hoi-an-ancient-town")
    page = StoryPageFactory(
        parent=section("culture"),
        body=[("related_stories", {"title": "", "stories": [related]})],
    )
    related.unpublish()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select(".related a") == []


def test_section_lists_only_its_live_stories_newest_first(client):
    economy = section("economy", "en")
    StoryPageFactory(parent=economy, title="Draft story", live=False)
    soup = BeautifulSoup(client.get(economy.url).content, "html.parser")
    titles = [a.text for a in soup.select(".card h3 a")]
    assert "Draft story" not in titles
    assert titles == [
        "Vietnamese coffee reaches the world",
        "The Eastern North–South Expressway, section by section",
    ]
