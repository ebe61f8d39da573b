from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.helpers import locale, story
from translations.models import TranslationTask


def run(*args) -> str:
    out = StringIO()
    call_command("mt", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def models_dir(settings, tmp_path):
    settings.MT_MODELS_DIR = tmp_path / "models"


def test_install_list_remove(models_dir, package_files):
    output = run("install", str(package_files["vi-en"]), str(package_files["en-fr"]))
    assert "[2/2]" in output
    listing = run("list")
    assert "translate-vi_en-1_0  argos" in listing
    assert "vi→fr  via en" in listing
    run("remove", "translate-en_fr-1_0")
    assert "vi→fr" not in run("list")


def test_list_when_empty_says_how_to_install(models_dir):
    assert "mt install" in run("list")


def test_install_bad_file_is_a_clear_error(models_dir, tmp_path):
    bad = tmp_path / "x.argosmodel"
    bad.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="not a zip"):
        run("install", str(bad))


@pytest.mark.django_db
def test_translate_finishes_before_returning(installed_models):
    page = story("coffee-exports")
    output = run("translate", "--page", str(page.pk), "--to", "lo", "--to", "km")
    assert "→ lo: Done" in output and "→ km: Done" in output
    assert page.get_translation(locale("lo")).has_unpublished_changes


@pytest.mark.django_db
def test_translate_reports_a_missing_model(installed_models):
    page = story("coffee-exports")
    with pytest.raises(CommandError, match="failed"):
        run("translate", "--page", str(page.pk), "--to", "ja")
    task = TranslationTask.objects.get(target_locale=locale("ja"))
    assert "mt install" in task.error


@pytest.mark.django_db
def test_translate_rejects_bad_arguments():
    with pytest.raises(CommandError, match="No page"):
        run("translate", "--page", "999999", "--to", "lo")
    page = story("coffee-exports")
    with pytest.raises(CommandError, match="Unknown language"):
        run("translate", "--page", str(page.pk), "--to", "xx")
