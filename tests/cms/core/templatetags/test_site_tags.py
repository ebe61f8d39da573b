"""The language switcher links to the same page in each language with a live translation."""

import pytest
from bs4 import BeautifulSoup

from tests.helpers import story

pytestmark = pytest.mark.django_db


def switcher(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    links = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    current = soup.select_one(".language-switcher a[aria-current]")["hreflang"]
    return links, alternates, current


def test_switcher_on_a_story_translated_into_five_languages(client):
    links, alternates, current = switcher(client, "/lo/tourism/ha-long-bay/")
    assert links == {
        code: f"/{code}/tourism/ha-long-bay/" for code in ("vi", "en", "zh-hans", "lo", "km")
    }
    assert current == "lo"
    expected = {code: f"http://testserver{url}" for code, url in links.items()}
    assert alternates == {**expected, "x-default": expected["en"]}  # English for the world


def test_switcher_on_a_page_with_no_lao_translation(client):
    links, alternates, current = switcher(client, "/en/economy/coffee-exports/")
    assert set(links) == {"vi", "en"}
    assert "lo" not in alternates
    assert current == "en"


def test_switcher_leaves_out_an_unpublished_translation(client):
    story("ha-long-bay", "km").unpublish()
    links, alternates, _ = switcher(client, "/en/tourism/ha-long-bay/")
    assert "km" not in links
    assert "km" not in alternates
