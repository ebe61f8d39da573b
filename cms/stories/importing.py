"""Importing stories from an older portal, one JSON object per line.

A file is read and checked whole before anything is written (``jsonlines``): a hostile
or damaged file raises ``FileRejected`` and imports nothing. A record that is sane JSON
but cannot become a story (no title, unknown language, section or province, a field of
the wrong type, a date outside 1900-2100, already imported) is skipped and reported with
its line, key and title. All records go in one transaction, so an unexpected error leaves
the database as it was.
"""

import uuid
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.core.slugs import available_slug
from cms.search.jsonlines import read_objects
from cms.taxonomy.models import Province, Topic
from cms.text.dates import MAX_DATE, MIN_DATE, iso_datetime, within_bounds
from cms.text.html import imported_body_html
from cms.text.normalise import without_controls
from cms.text.slugs import slugify_title

from .models import SectionPage, StoryPage

KEY_NAMESPACE = uuid.UUID("5b0c3c1e-2f7e-4c55-9a8e-6c1f0f0b7a11")
TEXT_FIELDS = ("language", "title", "standfirst", "body", "date", "section", "province", "key")
MAX_KEY_LENGTH = 200


@dataclass
class Skipped:
    """A record that was not imported: where it is, which it is, and why."""

    line: int
    reason: str
    key: str = ""
    title: str = ""

    def __str__(self) -> str:
        names = []
        if self.key:
            names.append(f"key {self.key[:40]!r}")
        if self.title:
            title = self.title if len(self.title) <= 60 else f"{self.title[:60]}…"
            names.append(f"“{title}”")
        label = f" ({', '.join(names)})" if names else ""
        return f"line {self.line}{label}: {self.reason}"


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def _check_types(record: dict) -> None:
    for name in TEXT_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ValueError(f"{name} must be text, not {type(record[name]).__name__}")
    topics = record.get("topics")
    if topics is not None and not (
        isinstance(topics, list) and all(isinstance(t, str) for t in topics)
    ):
        raise ValueError("topics must be a list of slugs")
    if len(record.get("key") or "") > MAX_KEY_LENGTH:
        raise ValueError(f"key longer than {MAX_KEY_LENGTH} characters")


def _date(value):
    """A date (at noon) or a date-time; naive values are Vietnam time (the site's zone)."""
    if not value:
        return None
    parsed = iso_datetime(str(value), at=time(12))
    if parsed is None:
        raise ValueError(f"unreadable date {str(value)[:40]!r}")
    if not within_bounds(parsed):
        raise ValueError(f"date {str(value)[:40]!r} is outside {MIN_DATE.year}-{MAX_DATE.year}")
    return parsed


def import_line(record: dict, publish: bool) -> StoryPage:
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    _check_types(record)
    language = str(record.get("language") or "").strip()
    title = without_controls(str(record.get("title") or "")).strip()
    if not title:
        raise ValueError("no title")
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise ValueError(f"unknown language {language!r}")
    section_slug = str(record.get("section") or "").strip()
    section = SectionPage.objects.filter(locale=locale, slug=section_slug).first()
    if section is None:
        raise ValueError(f"no section {section_slug!r} in language {language}")
    key = str(record.get("key") or "").strip()
    translation_key = uuid.uuid5(KEY_NAMESPACE, key) if key else uuid.uuid4()
    if key and StoryPage.objects.filter(translation_key=translation_key, locale=locale).exists():
        raise ValueError(f"already imported (key {key!r} in {language})")
    province = None
    if record.get("province"):
        province = Province.objects.filter(code=str(record["province"])).first()
        if province is None:
            raise ValueError(f"unknown province {record['province']!r}")
    topics = list(Topic.objects.filter(slug__in=[str(t) for t in record.get("topics") or []]))
    body_html = imported_body_html(record.get("body"))
    story = StoryPage(
        title=title[:255],
        slug=slugify_title(key or title, language),
        standfirst=str(record.get("standfirst") or "").strip() or title,
        body=[("paragraph", RichText(body_html))] if body_html.strip() else [],
        province=province,
        translation_key=translation_key,
        locale=locale,
        live=publish,
    )
    date = _date(record.get("date"))
    if date:
        story.date_published = date
    story.slug = available_slug(section, story.slug)
    section.add_child(instance=story)
    story.topics.set(topics)
    revision = story.save_revision()
    if publish:
        revision.publish()
    return story


def import_file(path: Path | str, publish: bool = True, progress=None) -> ImportReport:
    """Import every record of the file, or nothing: raises FileRejected (see module)."""
    records = read_objects(path)
    report = ImportReport()
    with transaction.atomic():
        for number, record in records:
            try:
                with transaction.atomic():
                    import_line(record, publish)
                report.imported += 1
            except (ValueError, TypeError, ValidationError, DataError, IntegrityError) as error:
                report.skipped.append(_skipped(number, record, error))
            if progress:
                progress(number, report)
    return report


def _skipped(number: int, record: dict, error: Exception) -> Skipped:
    def text(name: str) -> str:
        value = record.get(name)
        return without_controls(value).strip() if isinstance(value, str) else ""

    reason = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    return Skipped(number, reason, key=text("key"), title=text("title"))
