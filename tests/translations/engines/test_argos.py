import zipfile
from pathlib import Path

import pytest

from translations.engines.argos import ArgosEngine
from translations.engines.base import DecodingOptions, EngineError

SENTENCES = [
    "Hà Nội là thủ đô của Việt Nam.",
    "Vịnh Hạ Long là Di sản Thế giới từ năm 1994.",
    "Chính phủ đã họp báo chiều nay tại Đà Nẵng.",
]


@pytest.fixture(scope="module")
def vi_en(package_files, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("argos")
    with zipfile.ZipFile(package_files["vi-en"]) as archive:
        archive.extractall(folder)
    return next(folder.glob("translate-vi_en-*"))


def test_output_is_the_known_permutation(vi_en, permuted, expect):
    engine = ArgosEngine(vi_en, DecodingOptions())
    assert engine.translate(SENTENCES, "vi", "en") == [expect(s, permuted) for s in SENTENCES]
    assert engine.translate(SENTENCES, "vi", "en") != SENTENCES


def test_batching_does_not_change_results(vi_en):
    many = SENTENCES * 7
    one_by_one = [ArgosEngine(vi_en, DecodingOptions()).translate([s], "vi", "en")[0] for s in many]
    batched = ArgosEngine(vi_en, DecodingOptions(max_batch_size=4)).translate(many, "vi", "en")
    assert batched == one_by_one


def test_wrong_pair_is_refused(vi_en):
    with pytest.raises(EngineError, match="vi→en only"):
        ArgosEngine(vi_en, DecodingOptions()).translate(["x"], "en", "vi")


def test_missing_model_says_what_to_do(tmp_path):
    (tmp_path / "metadata.json").write_text('{"from_code": "vi", "to_code": "en"}')
    with pytest.raises(EngineError, match="reinstall"):
        ArgosEngine(tmp_path, DecodingOptions())
