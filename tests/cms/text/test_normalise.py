import unicodedata

import pytest

from cms.text.normalise import (
    VIETNAMESE_LETTERS,
    fold,
    has_controls,
    nfc,
    normalise,
    without_controls,
)

DECOMPOSED = unicodedata.normalize("NFD", "Hội nghị")


def test_nfc_joins_decomposed_vietnamese():
    assert DECOMPOSED != "Hội nghị"
    assert nfc(DECOMPOSED) == "Hội nghị"
    assert nfc(None) == ""


def test_normalise_keeps_diacritics():
    assert normalise(DECOMPOSED) == normalise("HỘI NGHỊ") == "hội nghị"
    assert normalise("Hội nghị") != normalise("Hồi nghỉ")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("hà nội", "ha noi"),
        ("đà nẵng", "da nang"),
        ("Đồng", "dong"),
        ("café", "cafe"),
        ("ວຽງຈັນ", "ວຽງຈັນ"),  # Lao vowel signs are letters, not accents
        ("ភ្នំពេញ", "ភ្នំពេញ"),
        ("北京", "北京"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_vietnamese_letters_are_lower_case_and_not_plain_latin():
    assert "đ" in VIETNAMESE_LETTERS and "ữ" in VIETNAMESE_LETTERS
    assert not VIETNAMESE_LETTERS & set("abcdefghijklmnopqrstuvwxyzéèàù")


def test_without_controls():
    assert without_controls("Hà Nội") == "Hà Nội"
    assert without_controls("Hà\x00Nội\x1b") == "Hà Nội"
    assert without_controls("a\x85b\ud800c\ufffd") == "a b c"
    assert has_controls("a\tb") and not has_controls("a b")


def test_without_controls_keeps_invisible_characters_unless_asked():
    text = "ភ្នំ\u200bពេញ\u200e"
    assert without_controls(text) == text
    assert without_controls(text, invisible=True) == "ភ្នំ ពេញ"
