import pytest

from translations.glossary import Glossary, Term
from translations.qa import run_checks


def checks(source, target, source_language="vi", target_language="en", terms=()):
    failures = run_checks(
        [(source, target)], source_language, target_language, Glossary(list(terms))
    )
    return {failure.check for failure in failures}


def test_a_good_translation_passes():
    assert (
        checks(
            'Vịnh Hạ Long có <b>1.600</b> hòn đảo, <a id="a1">xem thêm</a>.',
            'Ha Long Bay has <b>1,600</b> islands, <a id="a1">see more</a>.',
        )
        == set()
    )


@pytest.mark.parametrize(
    ("source", "target", "failed"),
    [
        ("Năm 1994 và năm 2000.", "In 1994 and in the year two thousand.", "numbers"),
        ("Ngày 2/9/1945.", "On 2 September 1945.", "numbers"),
        ("Xem <b>đây</b>.", "See here.", "tags"),
        ('Xem <a id="a1">đây</a>.', "See <b>here</b>.", "tags"),
        ("Hà Nội là thủ đô của Việt Nam.", "Hà Nội là thủ đô của Việt Nam.", "untranslated"),
        ("Hà Nội là thủ đô của Việt Nam.", "Hà Nội là thủ đô của Vietnam.", "untranslated"),
        ("Hà Nội là thủ đô của Việt Nam và là thành phố lớn.", "Hanoi.", "length"),
        ("Hà Nội là thủ đô.", "", "untranslated"),
    ],
)
def test_failures(source, target, failed):
    assert failed in checks(source, target)


def test_glossary_term_must_be_used():
    terms = [Term("Quốc hội", "National Assembly")]
    assert "glossary" in checks("Quốc hội họp.", "The parliament met.", terms=terms)
    assert "glossary" not in checks("Quốc hội họp.", "The National Assembly met.", terms=terms)


def test_compact_scripts_may_be_short():
    assert "length" not in checks(
        "Hà Nội là thủ đô của Việt Nam.", "河内是越南首都。", target_language="zh-hans"
    )


def test_failures_name_their_segment():
    failures = run_checks([("Một.", "One."), ("Năm 1994.", "Year.")], "vi", "en", Glossary([]))
    assert [(f.segment, f.check) for f in failures] == [(1, "numbers")]
