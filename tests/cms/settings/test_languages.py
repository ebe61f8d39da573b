from django.conf.locale import LANG_INFO

from cms.core.formats import local_date
from cms.settings.languages import parse_extra_languages


def test_extra_languages_are_parsed_and_registered_with_django():
    pairs = parse_extra_languages(" rad:Ê Đê:vi , jra:Jrai,, :nameless,th")
    assert pairs == [("rad", "Ê Đê"), ("jra", "Jrai"), ("th", "th")]
    assert LANG_INFO["rad"]["name_local"] == "Ê Đê"
    assert LANG_INFO["rad"]["fallback"] == ["vi"]
    assert "fallback" not in LANG_INFO["jra"]


def test_a_new_language_borrows_its_fallbacks_date_format():
    from datetime import date

    parse_extra_languages("cjm:Chăm:fr")
    assert local_date(date(2026, 11, 29), code="cjm") == "29 novembre 2026"
