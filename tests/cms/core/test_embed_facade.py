"""oEmbed videos render as a click-to-load facade: no iframe, no address of the video's
host in any src, no request to it while the page renders; the provider's HTML is never
written into the page."""

import pytest
from bs4 import BeautifulSoup

from cms.core.blocks import StoryBodyBlock
from tests.cms.core.media import new_image
from tests.cms.core.oembed_provider import TITLE, oembed_provider
from tests.factories import StoryPageFactory
from tests.helpers import section

pytestmark = pytest.mark.django_db


def video(url: str, poster=None) -> tuple:
    return ("video", {"video": url, "poster": poster, "caption": "Chú thích", "credit": ""})


def test_saved_video_renders_a_facade_that_loads_nothing_from_the_provider(client):
    poster = new_image("facade-poster", size=(800, 450))
    with oembed_provider() as provider:
        page = StoryPageFactory(
            parent=section("culture"), body=[video(provider.watch_url("a1"), poster)]
        )
        StoryBodyBlock().clean(page.body)  # what the editor's save does: fetch the embed
        assert provider.requests and provider.requests[0].startswith("/oembed")
        provider.requests.clear()

        response = client.get(page.url)
        assert provider.requests == [], "rendering asks the provider nothing"

    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("iframe") and "<script>alert" not in html and "onload" not in html
    for element in soup.find_all(src=True):
        assert not element["src"].startswith(provider.base), element
    for element in soup.find_all(srcset=True):
        assert provider.base not in element["srcset"]
    assert "thumb/" not in html, "the provider's thumbnail is not used"

    facade = soup.select_one(".video-facade")
    assert facade["data-player"] == provider.player_url("a1")
    assert facade["data-title"] == TITLE
    assert TITLE in facade.select_one("button").text
    assert facade.select_one("a")["href"] == provider.watch_url("a1")
    assert facade.picture.img["alt"] == ""
    assert facade.picture.img["src"].startswith("/media/")
    script = soup.find("script", src=lambda src: src and src.endswith("js/lightbox.js"))
    assert script is not None and script.has_attr("defer")


def test_player_on_a_host_the_csp_does_not_frame_is_a_plain_link(client):
    with oembed_provider() as provider:
        page = StoryPageFactory(parent=section("culture"), body=[video(provider.watch_url("b2"))])
        StoryBodyBlock().clean(page.body)
    # Outside the provider's context its host is no longer in frame-src.
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert not soup.select(".video-facade") and not soup.find("iframe")
    link = soup.select_one(".video a.video__link")
    assert link["href"] == provider.watch_url("b2")
    assert TITLE in link.text


def test_video_never_fetched_renders_a_link_without_asking_anyone(client):
    with oembed_provider() as provider:
        page = StoryPageFactory(parent=section("culture"), body=[video(provider.watch_url("c3"))])
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert provider.requests == []
    assert soup.select_one(".video a.video__link")["href"] == provider.watch_url("c3")
    assert not soup.find("iframe")
