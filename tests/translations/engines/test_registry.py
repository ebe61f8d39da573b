import pytest

from translations.engines import registry, store
from translations.engines.base import EngineError
from translations.engines.registry import Registry, Step, mt_code

SENTENCE = "Hà Nội là thủ đô của Việt Nam."


def test_direct_argos_is_preferred(installed_models):
    assert Registry().route("vi", "en") == [Step("translate-vi_en-1_0", "argos", "vi", "en")]


def test_multilingual_for_lao_and_khmer(installed_models):
    assert Registry().route("vi", "lo") == [Step("m2m-tiny", "multilingual", "vi", "lo")]
    assert Registry().route("vi", "km")[0].package == "m2m-tiny"


def test_pivot_through_english(installed_models, permuted, expect):
    route = Registry().route("vi", "fr")
    assert [(s.source, s.target) for s in route] == [("vi", "en"), ("en", "fr")]
    texts, engine = Registry().translate([SENTENCE], "vi", "fr")
    assert texts == [expect(expect(SENTENCE, permuted), None)]
    assert engine == "translate-vi_en-1_0 + translate-en_fr-1_0"


def test_unreachable_pair_says_what_to_do(installed_models):
    with pytest.raises(EngineError, match="mt install"):
        Registry().route("vi", "ja")


def test_site_codes_map_to_model_codes():
    assert mt_code("zh-hans") == "zh"
    assert mt_code("lo") == "lo"


def test_reachable_lists_direct_and_pivot(installed_models):
    reachable = Registry().reachable()
    assert reachable[("vi", "en")] == "direct"
    assert reachable[("vi", "fr")] == "via en"
    assert reachable[("lo", "fr")] == "via en"


def test_models_are_cached_and_reloaded_when_the_package_changes(
    settings, tmp_path, package_files, sp_bytes, permuted, expect
):
    from tests.translations import modelkit

    settings.MT_MODELS_DIR = tmp_path / "models"
    store.install(package_files["vi-en"])
    first = Registry().engine(Registry().route("vi", "en")[0])
    assert Registry().engine(Registry().route("vi", "en")[0]) is first
    echo = modelkit.build_argos_package(tmp_path / "new", "vi", "en", sp_bytes, None)
    store.install(echo)
    texts, _ = Registry().translate([SENTENCE], "vi", "en")
    assert texts == [SENTENCE]
    registry.clear_cache()
