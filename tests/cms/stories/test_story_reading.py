"""Reading a story: its column, the share links, related stories chosen by topic and
province when the editor chose none."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.stories.sharing import share_links
from cms.taxonomy.models import Province, Topic
from tests.factories import StoryPageFactory
from tests.helpers import locale, section, story

pytestmark = pytest.mark.django_db


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def related_titles(soup: BeautifulSoup) -> list[str]:
    return [a.text for a in soup.select(".related--automatic li a")]


def test_the_reading_column_is_the_article_not_the_page(client):
    page = story("ha-long-bay", "en")
    soup = soup_of(client, page.url)
    assert "story" not in (soup.body.get("class") or [])
    assert soup.select_one("main > article.story h1").text == page.title
    assert soup.select_one("header.site-header").find_parent("article") is None


def test_share_links_are_plain_addresses_with_the_story_address(client):
    page = story("ha-long-bay", "en")
    soup = soup_of(client, page.url)
    links = {a["class"][0].removeprefix("share__"): a["href"] for a in soup.select(".share a")}
    assert set(links) == {"facebook", "x", "linkedin", "telegram", "zalo", "email"}
    address = page.full_url  # the site's address, as in the page's canonical link
    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [address]}
    assert parse_qs(urlsplit(links["x"]).query) == {"url": [address], "text": [page.title]}
    assert links["email"].startswith("mailto:?")
    assert parse_qs(urlsplit(links["email"]).query)["body"] == [address]
    # Nothing is loaded from the networks.
    sources = [tag.get("src", "") for tag in soup.find_all(["script", "iframe", "img"])]
    assert not any(host in src for src in sources for host in ("facebook", "x.com", "zalo"))


def test_share_links_encode_what_could_break_the_address():
    links = {link.network: link.url for link in share_links("https://a.example/?x=1&y=2", "A & B")}
    assert parse_qs(urlsplit(links["telegram"]).query) == {
        "url": ["https://a.example/?x=1&y=2"],
        "text": ["A & B"],
    }


def test_related_stories_share_topics_or_the_province_most_first(client):
    page = story("pho-hanoi", "vi")
    titles = related_titles(soup_of(client, page.url))
    # Water puppetry shares the topic and Hanoi; the others one topic.
    assert titles[0] == story("water-puppetry", "vi").title
    assert story("tet-lunar-new-year", "vi").title in titles
    assert page.title not in titles
    assert story("coffee-exports", "vi").title not in titles  # shares nothing


def test_related_stories_stay_in_the_page_language(client):
    lao = locale("lo")
    page = story("pho-hanoi").get_translation(lao)
    titles = related_titles(soup_of(client, page.url))
    # In Lao, the demo's stories on traditions are Tet and the ao dai.
    expected = {story("tet-lunar-new-year", "lo").title, story("ao-dai").get_translation(lao).title}
    assert set(titles) == expected


def test_the_editors_choice_replaces_the_automatic_list(client):
    chosen = story("hoi-an-ancient-town")
    page = StoryPageFactory(
        parent=section("culture"),
        province=Province.objects.get(code="hanoi"),
        body=[("related_stories", {"title": "", "stories": [chosen]})],
    )
    soup = soup_of(client, page.url)
    assert [a.text for a in soup.select(".related a")] == [chosen.title]
    assert soup.select(".related--automatic") == []


def test_a_story_sharing_nothing_has_no_related_list(client):
    page = StoryPageFactory(parent=section("culture"))
    assert soup_of(client, page.url).select(".related--automatic") == []


def test_related_stories_take_the_same_queries_however_many_match(client):
    culture, traditions = section("culture"), Topic.objects.get(slug="traditions")
    page = StoryPageFactory(parent=culture, title="Bài gốc")
    page.topics.set([traditions])
    page.save_revision().publish()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            soup_of(client, page.url)
        return len(captured)

    queries()
    before = queries()
    for n in range(5):
        other = StoryPageFactory(parent=culture, title=f"Bài liên quan {n}")
        other.topics.set([traditions])
        other.save_revision().publish()
    queries()
    assert queries() == before
    assert len(related_titles(soup_of(client, page.url))) == 4
