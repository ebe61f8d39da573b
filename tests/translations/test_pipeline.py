import pytest

from translations.engines.registry import Registry
from translations.glossary import Glossary, Term
from translations.pipeline import translate_document


def test_document_translation_through_the_real_engine(installed_models, permuted, expect):
    strings = ["Hà Nội là thủ đô của Việt Nam. Vịnh Hạ Long là Di sản Thế giới từ năm 1994."]
    result = translate_document(strings, "vi", "en")
    first, second = "Hà Nội là thủ đô của Việt Nam.", "Vịnh Hạ Long là Di sản Thế giới từ năm 1994."
    assert result.strings == [f"{expect(first, permuted)} {expect(second, permuted)}"]
    assert result.engine == "translate-vi_en-1_0"
    assert result.sentences_translated == 2


def test_inline_markup_and_links_survive(installed_models, permuted, expect):
    value = 'Đọc <b>bài viết</b> về <a id="a1">Hội An</a>.'
    [translated] = translate_document([value], "vi", "en").strings
    assert translated == (
        f"{expect('Đọc', permuted)} <b>{expect('bài viết', permuted)}</b> "
        f'{expect("về", permuted)} <a id="a1">{expect("Hội An", permuted)}</a>.'
    )


def test_glossary_terms_are_protected(installed_models, permuted, expect):
    glossary = Glossary([Term("Hồ Chí Minh", "Ho Chi Minh")])
    [translated] = translate_document(
        ["Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập."], "vi", "en", glossary=glossary
    ).strings
    assert translated == (
        f"{expect('Chủ tịch', permuted)} Ho Chi Minh {expect('đọc Tuyên ngôn Độc lập.', permuted)}"
    )


def test_repeated_sentences_are_translated_once(installed_models):
    result = translate_document(["Hà Nội.", "Hà Nội.", "Hà Nội. Hà Nội."], "vi", "en")
    assert result.sentences_translated == 1
    assert result.strings[0] == result.strings[1]


def test_numbers_and_punctuation_only_are_not_sent(installed_models):
    result = translate_document(["1.600", " - ", ""], "vi", "en")
    assert result.strings == ["1.600", " - ", ""]
    assert result.sentences_translated == 0


def test_html_special_characters_are_escaped_again(installed_models):
    [translated] = translate_document(["<b>1 &lt; 2</b>"], "vi", "en").strings
    assert translated == "<b>1 &lt; 2</b>"


def test_batches_a_long_document(installed_models, permuted, expect, settings):
    settings.MT_DECODING = {"max_batch_size": 3}
    from translations.engines import registry

    registry.clear_cache()
    sentences = [f"Câu số {n} nói về Hà Nội." for n in range(40)]
    result = translate_document([" ".join(sentences)], "vi", "en", registry=Registry())
    assert result.strings[0] == " ".join(expect(s, permuted) for s in sentences)
    registry.clear_cache()


def test_no_model_for_the_pair(installed_models):
    from translations.engines.base import EngineError

    with pytest.raises(EngineError):
        translate_document(["Xin chào."], "vi", "ja")
