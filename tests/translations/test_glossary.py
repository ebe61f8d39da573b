from translations.glossary import Glossary, Term
from translations.markup import Span


def test_terms_become_fixed_spans_in_target_form():
    glossary = Glossary([Term("Hồ Chí Minh", "Ho Chi Minh"), Term("Quốc hội", "National Assembly")])
    spans = glossary.protect([Span("Chủ tịch Hồ Chí Minh và quốc hội.", True)])
    assert [(s.text, s.translatable) for s in spans] == [
        ("Chủ tịch ", True),
        ("Ho Chi Minh", False),
        (" và ", True),
        ("National Assembly", False),
        (".", True),
    ]


def test_longest_term_wins_and_words_are_whole():
    glossary = Glossary([Term("Hà Nội", "Hanoi"), Term("Hà Nội mới", "New Hanoi")])
    assert [s.text for s in glossary.protect([Span("Hà Nội mới", True)])] == ["New Hanoi"]
    assert [s.text for s in glossary.protect([Span("Hà Nộii", True)])] == ["Hà Nộii"]


def test_diacritics_matter():
    glossary = Glossary([Term("Hội nghị", "Conference")])
    assert glossary.protect([Span("Hồi nghỉ", True)])[0].translatable


def test_tags_are_left_alone():
    glossary = Glossary([Term("b", "X")])
    assert glossary.protect([Span("<b>", False)])[0].text == "<b>"
