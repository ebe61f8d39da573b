"""Sitemaps validate against the sitemaps.org schemas and carry hreflang alternates."""

from pathlib import Path

import pytest
from lxml import etree
from wagtail.models import Page

from cms.core.languages import live_home_languages
from tests.helpers import story

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def fetch_xml(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return etree.fromstring(response.content)


def test_robots_txt_lists_the_sitemap_and_keeps_robots_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for path in ("/admin/", "/django-admin/", "/*/search/"):
        assert f"Disallow: {path}" in lines
    assert "Allow: /" in lines


def test_index_lists_one_valid_sitemap_per_language(client):
    index = fetch_xml(client, "/sitemap.xml")
    schema("siteindex.xsd").assertValid(index)
    locations = index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    assert locations == [f"http://testserver/sitemap-{code}.xml" for code in live_home_languages()]
    urlset_schema = schema("sitemap-hreflang.xsd")
    for location in locations:
        urlset = fetch_xml(client, location.removeprefix("http://testserver"))
        urlset_schema.assertValid(urlset)


def test_language_sitemap_lists_every_live_page_with_alternates_and_x_default(client):
    urlset = fetch_xml(client, "/sitemap-lo.xml")
    locations = urlset.xpath("//s:url/s:loc/text()", namespaces=NS)
    live = Page.objects.live().public().filter(locale__language_code="lo", depth__gt=1)
    assert len(locations) == live.count()
    lao = story("ha-long-bay", "lo")
    url = urlset.xpath("//s:url[s:loc=$loc]", namespaces=NS, loc=f"http://testserver{lao.url}")[0]
    alternates = {
        link.get("hreflang"): link.get("href") for link in url.xpath("x:link", namespaces=NS)
    }
    expected = {"vi", "en", "zh-Hans", "lo", "km", "x-default"}
    assert set(alternates) == expected
    assert alternates["x-default"] == f"http://testserver{story('ha-long-bay', 'en').url}"
    assert alternates["zh-Hans"] == f"http://testserver{story('ha-long-bay', 'zh-hans').url}"
    assert alternates["lo"] == f"http://testserver{lao.url}"


def test_unpublished_translation_is_left_out(client):
    lao = story("ha-long-bay", "lo")
    lao.unpublish()
    urlset = fetch_xml(client, "/sitemap-en.xml")
    english = story("ha-long-bay", "en")
    url = urlset.xpath("//s:url[s:loc=$loc]", namespaces=NS, loc=f"http://testserver{english.url}")[
        0
    ]
    assert "lo" not in {link.get("hreflang") for link in url.xpath("x:link", namespaces=NS)}
    assert f"http://testserver{lao.url}" not in fetch_xml(client, "/sitemap-lo.xml").xpath(
        "//s:loc/text()", namespaces=NS
    )


def test_unknown_language_sitemap_is_404(client):
    assert client.get("/sitemap-xx.xml").status_code == 404
    assert client.get("/sitemap-en.xml?p=abc").status_code == 404


def test_manifest(client):
    data = client.get("/lo/manifest.webmanifest").json()
    assert data["start_url"] == "/lo/"
    assert {icon["sizes"] for icon in data["icons"]} == {"any", "192x192", "512x512"}
    assert client.get("/manifest.webmanifest").json()["start_url"] == "/"
