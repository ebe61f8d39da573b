"""Rows that a search reads quickly.

A search reads the filter columns (language, kind, date, section, province) of every
match, then the scores of a few hundred. SQLite: a covering index of those columns, since
``date`` and ``section`` lie past the long text of a row, in its overflow pages.
PostgreSQL: every long value out of line (``toast_tuple_target``), the tsvectors
uncompressed since they hardly compress, so a row holds little besides the filter columns
(about 250 bytes instead of a fifth of a page). Rows written before this migration keep
their layout until they are indexed again (``manage.py search rebuild``).
"""

from django.db import migrations

TABLE = "site_search_searchdocument"
VECTORS = ("exact_vec", "folded_vec", "grams_vec")


def _statements(vendor: str, forward: bool) -> list[str]:
    if vendor == "sqlite":
        if forward:
            return [
                f"CREATE INDEX search_filters ON {TABLE} "
                "(id, language, kind, date, section, province_id)"
            ]
        return ["DROP INDEX IF EXISTS search_filters"]
    if vendor == "postgresql":
        storage = "EXTERNAL" if forward else "EXTENDED"
        columns = ", ".join(f"ALTER COLUMN {column} SET STORAGE {storage}" for column in VECTORS)
        target = "SET (toast_tuple_target = 128)" if forward else "RESET (toast_tuple_target)"
        return [f"ALTER TABLE {TABLE} {target}", f"ALTER TABLE {TABLE} {columns}"]
    return []


def narrow(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor, forward=True):
        schema_editor.execute(statement)


def widen(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor, forward=False):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_initial")]

    operations = [migrations.RunPython(narrow, widen)]
