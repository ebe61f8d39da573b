import pytest

from translations.segmentation import split_sentences


@pytest.mark.parametrize(
    ("language", "text", "sentences"),
    [
        ("vi", "Hà Nội là thủ đô. Hải Phòng là thành phố cảng! Còn gì nữa?", 3),
        ("zh-hans", "河内是越南的首都。下龙湾很美。", 2),
        ("lo", "ນະຄອນຫຼວງວຽງຈັນ. ອ່າວຮ່າລອງ.", 2),
        ("km", "ភ្នំពេញជារាជធានី។ ឈូងសមុទ្រហាឡុងស្អាត។", 2),
        ("en", "Mr. Nguyen arrived. He spoke.", 2),
    ],
)
def test_sentences_and_exact_rejoin(language, text, sentences):
    parts = split_sentences(text, language)
    assert len(parts) == sentences
    assert "".join(parts) == text


def test_astral_characters_keep_offsets():
    text = "𠀀 Chữ Nôm 𡨸. Câu hai."
    assert "".join(split_sentences(text, "vi")) == text
    assert len(split_sentences(text, "vi")) == 2


def test_empty():
    assert split_sentences("", "vi") == []


def test_vietnamese_abbreviations_do_not_end_sentences():
    text = "Tp. Hồ Chí Minh đông dân. PGS. TS. Nguyễn Văn A phát biểu."
    assert split_sentences(text, "vi") == [
        "Tp. Hồ Chí Minh đông dân. ",
        "PGS. TS. Nguyễn Văn A phát biểu.",
    ]
