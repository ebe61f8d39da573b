"""README's configuration table is the one `manage.py settings_table` prints."""

from io import StringIO

from django.core.management import call_command

from cms.core.management.commands.settings_table import readme_path, readme_table


def test_readme_settings_table_matches_the_apps_conf():
    output = StringIO()
    call_command("settings_table", stdout=output)
    documented = readme_table(readme_path().read_text(encoding="utf-8"))
    assert documented is not None, "README.md lost its <!-- settings-table --> markers"
    assert documented == output.getvalue(), (
        "README.md's settings table is out of date: run "
        "`python manage.py settings_table --write` and commit README.md"
    )


def test_every_app_setting_is_listed_once():
    output = StringIO()
    call_command("settings_table", stdout=output)
    rows = [line for line in output.getvalue().splitlines() if line.startswith("| `")]
    names = [row.split("`")[1] for row in rows]
    assert len(names) == len(set(names))
    for name in ("AGGREGATOR_MAX_BYTES", "SEARCH_BACKEND", "MT_MODELS_DIR", "JOBS_MAX_ATTEMPTS"):
        assert name in names
