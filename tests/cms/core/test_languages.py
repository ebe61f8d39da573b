import pytest
from bs4 import BeautifulSoup

from cms.core.languages import best_language, live_home_languages
from cms.stories.models import StoryPage

AVAILABLE = ["vi", "en", "zh-hans", "lo", "km", "fr"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("lo", "lo"),
        ("lo-LA,lo;q=0.9", "lo"),
        ("km-KH", "km"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-hans"),
        ("zh", "zh-hans"),
        ("de-DE,de;q=0.9", None),
        ("de,fr;q=0.5", "fr"),
        ("en;q=0.2,vi;q=0.9", "vi"),
        ("*", None),
        ("", None),
        ("garbage;;;q=x", None),
    ],
)
def test_best_language(header, expected):
    assert best_language(header, AVAILABLE) == expected


def test_best_language_only_offers_available_languages():
    assert best_language("lo,km;q=0.8", ["vi", "en", "km"]) == "km"


@pytest.mark.django_db
def test_live_home_languages_follow_settings_order():
    assert live_home_languages() == [
        "vi", "en", "zh-hans", "lo", "km", "fr", "ru", "es", "ja", "ko",
    ]  # fmt: skip


@pytest.mark.django_db
def test_font_files_are_preloaded_and_their_stylesheets_do_not_block_rendering(client):
    """Only site.css sits in the head; the font faces come at the end of the body, and the
    head preloads the subsets of the page's own script (Lao here, no CJK)."""
    html = BeautifulSoup(
        client.get(StoryPage.objects.live().filter(locale__language_code="lo").first().url).content,
        "html.parser",
    )
    head_sheets = [link["href"] for link in html.head.select('link[rel="stylesheet"]')]
    body_sheets = [link["href"] for link in html.body.select('link[rel="stylesheet"]')]
    preloads = html.head.select('link[rel="preload"][as="font"]')

    assert [h.rsplit("/", 1)[-1].split(".")[0] for h in head_sheets] == ["site"]
    assert {h.rsplit("/", 1)[-1].split(".")[0] for h in body_sheets} == {"latin", "lao"}
    assert [p["href"].rsplit("/", 1)[-1].split(".")[0] for p in preloads] == [
        "noto-sans-lao-lao-400-normal"
    ]
    assert all(p.has_attr("crossorigin") and p["type"] == "font/woff2" for p in preloads)
