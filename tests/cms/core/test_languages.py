import pytest

from cms.core.languages import best_language, live_home_languages

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
