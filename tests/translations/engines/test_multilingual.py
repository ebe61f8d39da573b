import zipfile

import pytest

from translations.engines.base import DecodingOptions, EngineError
from translations.engines.multilingual import MultilingualEngine


@pytest.fixture(scope="module")
def engine(package_files, tmp_path_factory):
    folder = tmp_path_factory.mktemp("multi")
    with zipfile.ZipFile(package_files["multi"]) as archive:
        archive.extractall(folder)
    return MultilingualEngine(folder / "m2m-tiny", DecodingOptions())


def test_target_token_is_forced_and_removed(engine, multi, expect):
    sentences = ["Hà Nội là thủ đô của Việt Nam.", "ນະຄອນຫຼວງວຽງຈັນ"]
    for target in ("lo", "km", "en"):
        assert engine.translate(sentences, "vi", target) == [expect(s, multi) for s in sentences]


def test_pairs_cover_every_language(engine):
    assert ("vi", "lo") in engine.pairs()
    assert ("km", "vi") in engine.pairs()
    assert ("vi", "vi") not in engine.pairs()


def test_unknown_language_is_refused(engine):
    with pytest.raises(EngineError):
        engine.translate(["x"], "vi", "th")
