import zipfile

import pytest

from translations.engines import store
from translations.engines.base import EngineError


@pytest.fixture
def models_dir(tmp_path, settings):
    settings.MT_MODELS_DIR = tmp_path / "models"
    return settings.MT_MODELS_DIR


def test_install_list_remove(models_dir, package_files):
    info = store.install(package_files["vi-en"])
    assert info.pairs == {("vi", "en")}
    assert info.size_bytes > 100_000
    assert [p.name for p in store.installed()] == [info.name]
    store.remove(info.name)
    assert store.installed() == []


def test_install_from_a_folder(models_dir, package_files, tmp_path):
    with zipfile.ZipFile(package_files["multi"]) as archive:
        archive.extractall(tmp_path / "unpacked")
    info = store.install(tmp_path / "unpacked" / "m2m-tiny")
    assert info.kind == "multilingual"
    assert ("vi", "km") in info.pairs


def test_reinstall_replaces(models_dir, package_files):
    store.install(package_files["vi-en"])
    store.install(package_files["vi-en"])
    assert len(store.installed()) == 1


def test_not_a_zip(models_dir, tmp_path):
    bad = tmp_path / "bad.argosmodel"
    bad.write_text("hello")
    with pytest.raises(EngineError, match="not a zip"):
        store.install(bad)
    assert store.installed() == []


def test_zip_without_metadata(models_dir, tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("something/readme.txt", "hi")
    with pytest.raises(EngineError, match=r"metadata\.json"):
        store.install(bad)


def test_path_traversal_is_refused(models_dir, tmp_path):
    bad = tmp_path / "evil.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("../../escaped.txt", "x")
    with pytest.raises(EngineError, match="outside"):
        store.install(bad)
    assert not (tmp_path / "escaped.txt").exists()


def test_remove_unknown(models_dir):
    with pytest.raises(EngineError, match="mt list"):
        store.remove("nothing")
