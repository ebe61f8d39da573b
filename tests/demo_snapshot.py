"""The demo content, loaded once per session and put back after each flush.

Transactional tests (a live server, a worker process) end with a flush of every table, so
the next one that needs the demo must have it back. Loading it again (drafts, reviews,
pictures) takes minutes; putting back a copy taken after the first load takes a fraction of
a second on SQLite (its online backup) and a few seconds on PostgreSQL (each table copied
into a schema of its own, then copied back inside one transaction, where Django's foreign
keys are checked at commit).
"""

import sqlite3
import tempfile
from pathlib import Path

from django.core.cache import caches
from django.db import connection, transaction

SCHEMA = "test_demo_snapshot"
_sqlite_copy: Path | None = None


def take() -> None:
    """Copy the database as it is now (the demo just loaded)."""
    global _sqlite_copy
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        _sqlite_copy = Path(tempfile.mkdtemp(prefix="vnip-test-demo-")) / "demo.sqlite3"
        target = sqlite3.connect(_sqlite_copy)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in _tables():
            cursor.execute(f"CREATE TABLE {SCHEMA}.{quote(table)} AS TABLE {quote(table)}")


def restore() -> None:
    """Put the copy back, whatever the tests since did to the tables."""
    if connection.vendor == "sqlite":
        if _sqlite_copy is None:
            raise RuntimeError("No demo snapshot: tests/conftest.py takes it after load_demo.")
        connection.ensure_connection()
        source = sqlite3.connect(_sqlite_copy)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        _restore_postgresql()
    for cache in caches.all():
        cache.clear()


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _restore_postgresql() -> None:
    quote = connection.ops.quote_name
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in tables)}")
        for table in tables:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = %s"
                " AND is_generated = 'NEVER' ORDER BY ordinal_position",
                [table],
            )
            columns = ", ".join(quote(row[0]) for row in cursor.fetchall())
            cursor.execute(
                f"INSERT INTO {quote(table)} ({columns})"
                f" SELECT {columns} FROM {SCHEMA}.{quote(table)}"
            )
