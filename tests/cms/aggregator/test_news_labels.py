"""The news page says which items are in another language, and which headlines are machine
translated, on the demo's items (tests/conftest.py loaded the demo)."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import get_language_info, gettext

from cms.aggregator.models import Item, ItemTranslation

pytestmark = pytest.mark.django_db

VIETNAMESE_TITLE = "Mùa hoa tam giác mạch nở muộn trên cao nguyên đá Đồng Văn"
ENGLISH_TITLE = "Buckwheat flowers bloom late on Dong Van karst plateau"


def rows(client, url: str) -> list:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").select("li.feed__item")


def row_with(rows_: list, text: str):
    [row] = [row for row in rows_ if text in row.get_text()]
    return row


def in_language(page_language: str, item_language: str) -> str:
    with translation.override(page_language):
        name = str(get_language_info(item_language)["name_translated"])
        return gettext("In %(language)s") % {"language": name}


def test_english_page_labels_a_vietnamese_item_and_marks_its_language(client):
    row = row_with(rows(client, "/en/news/"), VIETNAMESE_TITLE)
    heading = row.find("h3")
    assert heading["lang"] == "vi" and heading.get_text(strip=True) == VIETNAMESE_TITLE
    assert row.select_one(".feed__language").get_text(strip=True) == "In Vietnamese"
    assert row.select_one("p[lang=vi]") is not None, "the summary is marked too"
    assert "Machine translated" not in row.get_text()


def test_vietnamese_page_labels_an_english_item_and_not_its_own(client):
    page = rows(client, "/vi/news/")
    english = row_with(page, ENGLISH_TITLE)
    assert english.find("h3")["lang"] == "en"
    label = english.select_one(".feed__language").get_text(strip=True)
    assert label == in_language("vi", "en") and "Tiếng Anh" in label
    vietnamese = row_with(page, VIETNAMESE_TITLE)
    assert vietnamese.find("h3")["lang"] == "vi"
    assert vietnamese.select_one(".feed__language") is None


def test_machine_translated_headline_is_marked_with_the_original_beside_it(client):
    item = Item.objects.get(title=VIETNAMESE_TITLE)
    ItemTranslation.objects.create(
        item=item,
        language="en",
        title="Buckwheat blossoms late on the Dong Van stone plateau",
        summary="The buckwheat fields are in bloom two weeks late.",
        engine="test-engine",
    )
    row = row_with(rows(client, "/en/news/"), "Buckwheat blossoms late")
    heading = row.find("h3")
    assert heading.get_text(strip=True) == "Buckwheat blossoms late on the Dong Van stone plateau"
    assert not heading.has_attr("lang"), "the translation is in the page's language"
    note = row.select_one(".feed__mt")
    assert note.select_one(".label").get_text(strip=True) == "Machine translated"
    assert "Original in Vietnamese:" in note.get_text(" ", strip=True)
    assert note.select_one("span[lang=vi]").get_text(strip=True) == VIETNAMESE_TITLE
    assert row.select_one(".feed__language") is None, "one label, not two"
    # Without a translation into Lao the Lao page shows the original, labelled.
    lao = row_with(rows(client, "/lo/news/"), VIETNAMESE_TITLE)
    assert lao.select_one(".feed__language").get_text(strip=True) == in_language("lo", "vi")
