from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import translation

from cms.core import formats
from cms.core.languages import font_families, font_preloads, font_stylesheets

MOMENT = datetime(2026, 11, 29, 8, 30, tzinfo=UTC)  # 15:30 in Vietnam


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("vi", "29 tháng 11, 2026"),
        ("en", "November 29, 2026"),
        ("zh-hans", "2026年11月29日"),
        ("lo", "29 ພະຈິກ 2026"),
        ("km", "29 វិច្ឆិកា 2026"),
        ("fr", "29 novembre 2026"),
        ("ru", "29 ноября 2026\u202fг."),
        ("es", "29 de noviembre de 2026"),
        ("ja", "2026年11月29日"),
        ("ko", "2026년 11월 29일"),
    ],
)
def test_dates_follow_each_languages_cldr_format(code, expected):
    assert formats.local_date(date(2026, 11, 29), code=code) == expected
    with translation.override(code):
        assert formats.local_date(MOMENT) == expected  # the active language


def test_date_times_are_shown_in_the_sites_time_zone():
    assert "15:30" in formats.local_datetime(MOMENT, code="lo")
    assert "3:30" in formats.local_datetime(MOMENT, code="en")


def test_numbers_and_relative_times_are_localised():
    assert formats.local_number(1234567.5, code="fr") == "1\u202f234\u202f567,5"
    assert formats.local_number(1234567.5, code="en") == "1,234,567.5"
    assert formats.relative_time(MOMENT - timedelta(hours=3), now=MOMENT, code="en") == (
        "3 hours ago"
    )
    khmer = formats.relative_time(MOMENT - timedelta(hours=3), now=MOMENT, code="km")
    assert "ម៉ោង" in khmer


def test_a_language_cldr_does_not_know_borrows_its_fallbacks_format():
    assert formats.local_date(date(2026, 11, 29), code="rad") == "29 tháng 11, 2026"
    assert formats.local_date(None) == ""


def test_each_script_loads_its_own_font_stylesheet_only():
    assert font_stylesheets("vi") == ["fonts/latin.css"]
    assert font_stylesheets("ko") == ["fonts/latin.css", "fonts/kr.css"]
    assert font_families("ja") == ["Noto Sans JP", "Noto Sans"]
    assert font_families("rad") == ["Noto Sans"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("vi", ["noto-sans-latin-400-normal", "noto-sans-vietnamese-400-normal"]),
        ("en", ["noto-sans-latin-400-normal"]),
        ("ru", ["noto-sans-cyrillic-400-normal"]),
        ("lo", ["noto-sans-lao-lao-400-normal"]),
        ("km", ["noto-sans-khmer-khmer-400-normal"]),
        ("ja", ["noto-sans-jp-119-400-normal"]),
    ],
)
def test_a_page_preloads_the_regular_subsets_that_draw_its_commonest_letters(code, expected):
    assert font_preloads(code) == [f"fonts/{name}.woff2" for name in expected]


def test_chinese_and_korean_preload_at_most_two_of_their_hundred_subsets():
    for code, prefix in (("zh-hans", "fonts/noto-sans-sc-"), ("ko", "fonts/noto-sans-kr-")):
        files = font_preloads(code)
        assert 1 <= len(files) <= 2 and all(f.startswith(prefix) for f in files), files
