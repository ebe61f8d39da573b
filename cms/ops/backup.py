"""Backups: a consistent copy of the database and the media files, with a manifest.

A backup directory holds ``database.dump`` (PostgreSQL, ``pg_dump -Fc``) or
``database.sqlite3`` (SQLite's online backup API), ``media.tar.gz`` (MEDIA_ROOT) and
``manifest.json``: when, which database, the applied migrations, and the size and SHA-256
of every file, including each media file inside the archive. A restore checks all of them
before it touches anything.
"""

import hashlib
import json
import os
import platform
import re
import socket
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import django
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from .errors import OpsError

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DUMP = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(OpsError):
    """A backup or restore that cannot be done; the message says why and what to do."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe(path: Path, name: str) -> dict:
    return {"name": name, "size": path.stat().st_size, "sha256": sha256(path)}


def database_vendor() -> str:
    if connection.vendor not in DUMP:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _pg_environment() -> dict:
    """libpq variables, so that no password appears on a command line."""
    db = connection.settings_dict
    values = {
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
        "PGDATABASE": db["NAME"],
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _client_major(program: str) -> int:
    try:
        output = subprocess.run(
            [program, "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise BackupError(
            f"{program} is needed for PostgreSQL (Debian: apt-get install postgresql-client)."
        ) from error
    found = re.search(r"\)\s*(\d+)", output)  # "pg_dump (PostgreSQL) 15.20 (Debian ...)"
    if not found:
        raise BackupError(f"Cannot read the version of {program} from {output.strip()!r}.")
    return int(found.group(1))


def pg_versions(program: str) -> dict:
    connection.ensure_connection()
    server = connection.pg_version // 10000
    client = _client_major(program)
    if client < server:
        raise BackupError(
            f"{program} {client} is older than the PostgreSQL server ({server}); "
            f"install postgresql-client-{server}."
        )
    return {"server_major": server, "client_major": client}


def run_pg(command: list[str]) -> None:
    completed = subprocess.run(command, env=_pg_environment(), capture_output=True, text=True)
    if completed.returncode:
        raise BackupError(f"{command[0]} failed: {completed.stderr.strip()[-2000:]}")


def _migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def dump_database(target: Path) -> dict:
    vendor = database_vendor()
    path = target / DUMP[vendor]
    if vendor == "postgresql":
        versions = pg_versions("pg_dump")
        run_pg(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(path)])
        return {"vendor": vendor, **versions}
    connection.ensure_connection()
    destination = sqlite3.connect(path)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    return {"vendor": vendor}


def create_backup(directory: Path) -> dict:
    """Write a backup into ``directory`` (created; must be empty). Returns the manifest."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(f"{directory} is not empty; choose a new directory for each backup.")
    directory.mkdir(parents=True, exist_ok=True)
    database = dump_database(directory)
    media_root = Path(settings.MEDIA_ROOT)
    media = []
    with tarfile.open(directory / MEDIA_ARCHIVE, "w:gz") as archive:
        for path in _media_files(media_root):
            name = path.relative_to(media_root).as_posix()
            archive.add(path, arcname=name, recursive=False)
            media.append(describe(path, name))
    files = [describe(directory / name, name) for name in (DUMP[database["vendor"]], MEDIA_ARCHIVE)]
    manifest = {
        "format": 1,
        "created_at": datetime.now(UTC).isoformat(),
        "host": socket.gethostname(),
        "django": django.get_version(),
        "python": platform.python_version(),
        "database": database,
        "migrations": _migrations(),
        "files": files,
        "media": media,
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest
