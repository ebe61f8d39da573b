"""Canonical link, description, Open Graph, Twitter and JSON-LD on each page type."""

import json

import pytest
from lxml import html as lxml_html

from cms.galleries.models import GalleryPage
from tests.helpers import home, section, story

pytestmark = pytest.mark.django_db


def head(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, lxml_html.fromstring(response.content)


def meta(tree, prop: str) -> list[str]:
    return tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')


def json_ld(response, tree) -> dict:
    """JSON-LD objects by @type. They are data, never executed, so they need no CSP
    nonce, and the page stays the same from one request to the next."""
    found = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        assert script.get("nonce") is None
        data = json.loads(script.text)
        found[data["@type"]] = data
    return found


def test_story_page(client):
    page = story("coffee-exports", "en")
    response, tree = head(client, page.url + "?utm_source=x")
    url = f"http://testserver{page.url}"
    assert tree.xpath('//link[@rel="canonical"]/@href') == [url]
    assert meta(tree, "description") == [page.standfirst]
    assert meta(tree, "og:type") == ["article"]
    assert meta(tree, "og:url") == [url]
    assert meta(tree, "og:title") == [page.title]
    assert meta(tree, "og:locale") == ["en"]
    assert "vi" in meta(tree, "og:locale:alternate")  # the demo has more editions now
    image = meta(tree, "og:image")[0]
    # The story's share image (cms/social) once drawn, else its photo.
    assert image.startswith(("http://testserver/media/images/", "http://testserver/media/social/"))
    assert image.endswith(".jpg")
    assert meta(tree, "twitter:card") == ["summary_large_image"]
    data = json_ld(response, tree)
    article = data["NewsArticle"]
    assert article["headline"] == page.title
    assert article["datePublished"] == page.date_published.isoformat()
    assert len(article["image"]) == 1  # the article's photo; og:image may be the share image
    assert article["author"][0]["name"] == "Demo content"
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["logo"]["url"].startswith("http://testserver/static/")
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == [home("en").title, "Economy", page.title]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert crumbs[-1]["item"] == url


def test_gallery_page(client):
    gallery = GalleryPage.objects.live().get(locale__language_code="en")
    response, tree = head(client, gallery.url)
    assert meta(tree, "og:type") == ["article"]
    data = json_ld(response, tree)
    assert data["ImageGallery"]["name"] == gallery.title
    assert len(data["ImageGallery"]["associatedMedia"]) == len(gallery.items)
    assert data["ImageGallery"]["image"][0].startswith("http://testserver/media/")
    assert len(data["BreadcrumbList"]["itemListElement"]) == 3


def test_home_page(client):
    response, tree = head(client, "/vi/")
    assert tree.xpath('//link[@rel="canonical"]/@href') == ["http://testserver/vi/"]
    assert meta(tree, "og:type") == ["website"]
    data = json_ld(response, tree)
    assert data["Organization"]["name"] == "Vietnam"
    assert "BreadcrumbList" not in data
    assert tree.xpath('//link[@rel="manifest"]/@href') == ["/vi/manifest.webmanifest"]
    assert tree.xpath('//link[@rel="alternate"][@hreflang="x-default"]/@href') == [
        "http://testserver/en/"
    ]
    assert tree.xpath('//link[@rel="icon"][@type="image/svg+xml"]')


def test_section_listing_keeps_page_number_in_canonical(client):
    page = section("culture", "vi")
    _response, tree = head(client, page.url + "?page=2&utm_campaign=x")
    assert tree.xpath('//link[@rel="canonical"]/@href') == [f"http://testserver{page.url}?page=2"]
    _response, tree = head(client, page.url + "?page=1")
    assert tree.xpath('//link[@rel="canonical"]/@href') == [f"http://testserver{page.url}"]
    assert meta(tree, "og:type") == ["website"]


def test_province_page(client):
    response, tree = head(client, "/en/provinces/hanoi/")
    assert tree.xpath('//link[@rel="canonical"]/@href') == ["http://testserver/en/provinces/hanoi/"]
    assert "vi" in meta(tree, "og:locale:alternate")  # the demo has more editions now
    crumbs = json_ld(response, tree)["BreadcrumbList"]["itemListElement"]
    assert len(crumbs) == 3


def test_search_page_has_canonical_without_query(client):
    _response, tree = head(client, "/en/search/?q=coffee")
    assert tree.xpath('//link[@rel="canonical"]/@href') == ["http://testserver/en/search/"]


def test_hostile_title_is_inert_in_head(client, hostile_story):
    response, tree = head(client, hostile_story.url)
    raw = response.content.decode()
    assert "<script>alert" not in raw
    assert "\\u003Cscript\\u003E" in raw
    assert json_ld(response, tree)["NewsArticle"]["headline"] == hostile_story.title[:110]
    assert meta(tree, "og:title") == [hostile_story.title]
    assert meta(tree, "description") == [hostile_story.standfirst]
