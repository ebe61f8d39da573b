from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from translations.diff import DELETE, EQUAL, INSERT, word_diff, words
from translations.operations.resegment import SourceDiff

INCLUDE = "translations/includes/source_diff.html"


def sides(tokens):
    old = "".join(text for op, text in tokens if op != INSERT)
    new = "".join(text for op, text in tokens if op != DELETE)
    return old, new


def render(tokens, aligned=True, previous_text=""):
    change = SourceDiff(tokens, aligned, 2, 1, previous_text)
    return render_to_string(INCLUDE, {"change": change})


def test_one_vietnamese_word_replaced():
    tokens = word_diff("Nông dân thu hoạch vào mùa khô.", "Nông dân thu hoạch vào mùa mưa.")
    assert tokens == [
        (EQUAL, "Nông dân thu hoạch vào mùa "),
        (DELETE, "khô"),
        (INSERT, "mưa"),
        (EQUAL, "."),
    ]


def test_lao_is_cut_into_words_without_spaces():
    assert words("ຂ້ອຍຮັກປະເທດລາວ", "lo") == ["ຂ້ອຍ", "ຮັກ", "ປະເທດ", "ລາວ"]
    tokens = word_diff("ຂ້ອຍຮັກປະເທດລາວ", "ຂ້ອຍຮັກປະເທດຫວຽດນາມ", "lo")
    assert tokens == [(EQUAL, "ຂ້ອຍຮັກປະເທດ"), (DELETE, "ລາວ"), (INSERT, "ຫວຽດນາມ")]


def test_khmer_is_cut_into_words_without_spaces():
    tokens = word_diff("ខ្ញុំស្រឡាញ់ប្រទេសកម្ពុជា", "ខ្ញុំស្រឡាញ់ប្រទេសវៀតណាម", "km")
    assert tokens == [
        (EQUAL, "ខ្ញុំស្រឡាញ់ប្រទេស"),
        (DELETE, "កម្ពុជា"),
        (INSERT, "វៀតណាម"),
    ]


def test_unchanged_text_has_no_changes():
    tokens = word_diff("Hạt cà phê.", "Hạt cà phê.")
    assert tokens == [(EQUAL, "Hạt cà phê.")]
    assert word_diff("", "") == []
    assert word_diff("", "Mới.") == [(INSERT, "Mới.")]


@given(st.text(max_size=60), st.text(max_size=60))
def test_both_texts_come_back_from_the_tokens(old, new):
    tokens = word_diff(old, new)
    assert sides(tokens) == (old, new)
    assert all(text for _op, text in tokens)


def test_include_marks_deleted_and_inserted_words():
    html = render(word_diff("ຂ້ອຍຮັກປະເທດລາວ", "ຂ້ອຍຮັກປະເທດຫວຽດນາມ", "lo"))
    assert "ຂ້ອຍຮັກປະເທດ<del>ລາວ</del><ins>ຫວຽດນາມ</ins>" in html
    assert "2 sentences kept from the earlier translation" in html
    assert "1 sentence machine-translated" in html


def test_include_escapes_a_hostile_source():
    html = render(word_diff("Tin tức.", 'Tin <script>alert("x")</script> tức.'))
    assert "<script>" not in html
    assert "<ins> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins>" in html


def test_include_shows_an_unaligned_earlier_translation_through_the_allow_list():
    html = render(
        word_diff("Cũ.", "Mới."),
        aligned=False,
        previous_text='ເກົ່າ <b>ແທ້</b><script>alert("x")</script>',
    )
    assert "could not be matched sentence by sentence" in html
    assert "ເກົ່າ <b>ແທ້</b>" in html
    assert "<script>" not in html


def test_include_renders_nothing_without_a_change():
    assert render_to_string(INCLUDE, {"change": None}).strip() == ""
