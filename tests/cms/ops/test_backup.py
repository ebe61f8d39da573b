"""Backups: a round trip into a fresh database and media folder keeps everything, and a
restore refuses damaged backups and non-empty databases."""

import hashlib
import json
import sqlite3
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtail_localize.models import String, Translation

from cms.aggregator.models import Item, Source
from cms.stories.models import StoryPage
from tests import demo_snapshot
from tests.helpers import locale, story
from translations.models import GlossaryTerm, MemoryEntry, TranslationReview
from translations.requests import request_translations

from .workers import start

COUNTED = [Page, Revision, Translation, TranslationReview, GlossaryTerm, MemoryEntry, Image, Item]


def row_counts(cursor) -> dict[str, int]:
    counts = {}
    for model in COUNTED:
        cursor.execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"')
        counts[model.__name__] = cursor.fetchone()[0]
    return counts


def checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def add_content(installed_models) -> None:
    if not StoryPage.objects.filter(slug="coffee-exports").exists():
        demo_snapshot.restore()  # an earlier transactional test may have flushed it
    request_translations(story("coffee-exports"), [locale("lo")])
    GlossaryTerm.objects.create(target_language="en", source_term="Đổi mới", target_term="Doi Moi")
    MemoryEntry.objects.create(
        string=String.objects.first(),
        locale=locale("lo"),
        source_text="x",
        text="y",
        approved_at=timezone.now(),
        source_length=1,
    )
    source = Source.objects.create(name="Portal", url="https://portal.example/rss")
    now = timezone.now()
    for n in range(3):
        Item.objects.create(
            source=source,
            guid=f"g{n}",
            guid_hash=f"h{n}",
            content_hash=f"c{n}",
            title=f"Tin {n}",
            language="vi",
            ingested_at=now,
            sort_at=now,
        )


def restore_elsewhere(backup: Path, database_url: str, media: Path) -> str:
    process = start(["restore", str(backup)], DATABASE_URL=database_url, MEDIA_ROOT=str(media))
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output
    return output


@pytest.mark.django_db(transaction=True)
def test_round_trip_into_a_fresh_database_keeps_everything(tmp_path, installed_models):
    add_content(installed_models)
    with connection.cursor() as cursor:
        before = row_counts(cursor)
    assert all(before.values()), before
    media_before = checksums(Path(settings.MEDIA_ROOT))
    assert any(name.startswith("original_images/") for name in media_before)

    call_command("backup", str(tmp_path / "backup"), stdout=open("/dev/null", "w"))
    media = tmp_path / "media"
    if connection.vendor == "sqlite":
        restored = tmp_path / "restored.sqlite3"
        restore_elsewhere(tmp_path / "backup", f"sqlite:///{restored}", media)
        with sqlite3.connect(restored) as db:
            after = row_counts(db.cursor())
    else:
        name = f"vnip_restore_{uuid.uuid4().hex[:10]}"
        admin = psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True)
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            url = f"postgres://postgres@127.0.0.1:5432/{name}"
            restore_elsewhere(tmp_path / "backup", url, media)
            with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
                after = row_counts(db.cursor())
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    assert after == before
    assert checksums(media) == media_before


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    call_command("backup", str(tmp_path / "b"), stdout=open("/dev/null", "w"))
    with pytest.raises(CommandError, match=r"not empty.*--force"):
        call_command("restore", str(tmp_path / "b"))


@pytest.mark.django_db
def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path):
    call_command("backup", str(tmp_path / "b"), stdout=open("/dev/null", "w"))
    archive = tmp_path / "b" / "media.tar.gz"
    archive.write_bytes(archive.read_bytes()[:-10] + b"0123456789")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=r"damaged: media\.tar\.gz"):
        call_command("restore", str(tmp_path / "b"), force=True)
    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_backup_needs_a_new_directory_and_restore_a_backup(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("keep")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "used"))
    with pytest.raises(CommandError, match=r"manifest\.json is missing"):
        call_command("restore", str(tmp_path / "used"))


@pytest.mark.django_db
def test_manifest_lists_checksums_and_migrations(tmp_path):
    call_command("backup", str(tmp_path / "b"), stdout=open("/dev/null", "w"))
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert manifest["database"]["vendor"] == connection.vendor
    assert "0001_initial" in manifest["migrations"]["ops"]
    for entry in manifest["files"]:
        path = tmp_path / "b" / entry["name"]
        assert entry["size"] == path.stat().st_size
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
