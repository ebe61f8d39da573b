"""Restoring a backup made by cms.ops.backup: verify, then the database, then media."""

import json
import sqlite3
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

from .backup import (
    DUMP,
    MANIFEST,
    MEDIA_ARCHIVE,
    BackupError,
    database_vendor,
    describe,
    pg_versions,
    run_pg,
    sha256,
)


def read_manifest(directory: Path) -> dict:
    path = Path(directory) / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError as error:
        raise BackupError(f"{path} is missing: is {directory} a backup directory?") from error
    except ValueError as error:
        raise BackupError(f"{path} is not valid JSON: {error}") from error
    if manifest.get("format") != 1 or not isinstance(manifest.get("files"), list):
        raise BackupError(f"{path} is not a manifest this version can read.")
    return manifest


def verify(directory: Path, manifest: dict) -> None:
    """Every file listed must be there with its size and checksum; raises BackupError."""
    problems = []
    for entry in manifest["files"]:
        path = Path(directory) / Path(entry["name"]).name
        if not path.is_file():
            problems.append(f"{entry['name']}: missing")
        elif describe(path, entry["name"]) != entry:
            problems.append(f"{entry['name']}: size or SHA-256 differs from the manifest")
    if problems:
        raise BackupError("The backup is damaged: " + "; ".join(problems))


def database_is_empty() -> bool:
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def restore_database(directory: Path, vendor: str, force: bool) -> None:
    path = Path(directory) / DUMP[vendor]
    if vendor == "postgresql":
        pg_versions("pg_restore")
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        if force:
            command += ["--clean", "--if-exists"]
        run_pg(
            [
                *command,
                "--single-transaction",
                "--dbname",
                connection.settings_dict["NAME"],
                str(path),
            ]
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def restore_media(directory: Path, manifest: dict) -> int:
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(Path(directory) / MEDIA_ARCHIVE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")  # no absolute paths, links out or devices
    damaged = [
        entry["name"]
        for entry in manifest.get("media", [])
        if sha256(media_root / entry["name"]) != entry["sha256"]
    ]
    if damaged:
        raise BackupError(f"Media files differ after extraction: {', '.join(damaged[:10])}")
    return len(manifest.get("media", []))


def restore_backup(directory: Path, force: bool = False) -> dict:
    """Verify the backup, then restore the database and the media. Refuses a database
    that already has tables unless ``force`` (which replaces what the backup contains)."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    verify(directory, manifest)
    vendor = database_vendor()
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']['vendor']} database; "
            f"the configured database is {vendor}."
        )
    if not force and not database_is_empty():
        raise BackupError(
            "The database is not empty. Restore into a new, empty database, "
            "or pass --force to overwrite this one."
        )
    restore_database(directory, vendor, force)
    connection.close()
    restore_media(directory, manifest)
    return manifest
