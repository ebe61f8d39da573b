"""`manage.py languages_table`: routes over installed models, fonts, catalogue
completeness and home pages, for a known state; --write and --check on a temp README."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.home.management.commands.languages_table import readme_table
from tests.helpers import home, story
from translations.engines import registry, store

CATALOGUE = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgid "Search"
msgstr "Rechercher"

#, fuzzy
msgid "Province"
msgstr "Provinces"

msgid "All"
msgstr ""

msgid "%(count)s story"
msgid_plural "%(count)s stories"
msgstr[0] "%(count)s article"
msgstr[1] "%(count)s articles"

#~ msgid "Gone"
#~ msgstr "Parti"
"""


@pytest.fixture
def known_state(settings, tmp_path, package_files):
    settings.LANGUAGE_CODE = "vi"
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("vi", "Tiếng Việt"),
        ("en", "English"),
        ("fr", "Français"),
        ("lo", "ລາວ"),
        ("th", "ไทย"),
    ]
    settings.MT_MODELS_DIR = tmp_path / "models"
    settings.MT_LIBRETRANSLATE_URL = ""
    store.install(package_files["vi-en"])
    store.install(package_files["en-fr"])
    registry.clear_cache()
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    french = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    french.mkdir(parents=True)
    (french / "django.po").write_text(CATALOGUE, encoding="utf-8")


def table() -> dict[str, list[str]]:
    out = StringIO()
    call_command("languages_table", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "| code | language | MT from vi | fonts | UI catalogue | home page |"
    rows = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        rows[cells[0].strip("`")] = cells[1:]
    return rows


@pytest.mark.django_db
def test_the_table_for_a_known_state(known_state):
    rows = table()
    assert list(rows) == ["vi", "en", "fr", "lo", "th"]
    assert rows["vi"][1] == "source language"
    assert rows["en"][1] == "direct: translate-vi_en-1_0 (argos)"
    assert rows["fr"][1] == "via en: translate-vi_en-1_0 (argos) + translate-en_fr-1_0 (argos)"
    assert rows["lo"][1] == "no route" and rows["th"][1] == "no route"
    assert rows["lo"][2].startswith("Noto Sans Lao")
    assert "Noto Sans Lao" not in rows["fr"][2]
    assert rows["fr"][3] == "50% (2/4)"  # fuzzy and empty don't count; obsolete isn't one
    assert rows["en"][3] == "source text (msgids)"
    assert rows["lo"][3] == "no catalogue"
    assert rows["th"][4] == "missing (run setup_locales)"
    assert rows["vi"][4].startswith("live, ")


@pytest.mark.django_db
def test_home_column_follows_publication(known_state):
    before = int(table()["vi"][4].split()[1])
    story("coffee-exports").unpublish()
    home("fr").unpublish()
    rows = table()
    assert rows["vi"][4] == f"live, {before - 1} stories"
    assert rows["fr"][4] == "not live"


@pytest.mark.django_db
def test_write_and_check_a_readme(known_state, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Site\n\n<!-- languages-table -->\nold\n<!-- /languages-table -->\n\nAfter.\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="out of date"):
        call_command("languages_table", "--check", "--readme", str(readme), stdout=StringIO())
    call_command("languages_table", "--write", "--readme", str(readme), stdout=StringIO())
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Site\n") and text.endswith("\nAfter.\n")
    out = StringIO()
    call_command("languages_table", stdout=out)
    assert readme_table(text) == out.getvalue()
    call_command("languages_table", "--check", "--readme", str(readme), stdout=StringIO())
    store.remove("translate-en_fr-1_0")  # the state changes: the README is stale again
    with pytest.raises(CommandError, match="out of date"):
        call_command("languages_table", "--check", "--readme", str(readme), stdout=StringIO())


@pytest.mark.django_db
def test_a_readme_without_markers_is_a_clear_error(known_state, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Site\n", encoding="utf-8")
    with pytest.raises(CommandError, match="No <!-- languages-table -->"):
        call_command("languages_table", "--check", "--readme", str(readme), stdout=StringIO())
