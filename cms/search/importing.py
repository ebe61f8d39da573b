"""Importing stories from an older portal, one JSON object per line."""

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time

import nh3
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.stories.models import SectionPage, StoryPage
from cms.taxonomy.models import Province, Topic

KEY_NAMESPACE = uuid.UUID("5b0c3c1e-2f7e-4c55-9a8e-6c1f0f0b7a11")
BODY_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "h2", "h3", "blockquote"}


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)


def _date(value):
    """A date or datetime; naive values are Vietnam time (the site's time zone)."""
    if not value:
        return None
    try:
        parsed = parse_datetime(str(value))
        if parsed is None:
            day = parse_date(str(value))
            parsed = datetime.combine(day, time(12)) if day else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError(f"unreadable date {value!r}")
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def import_line(record: dict, publish: bool) -> StoryPage:
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    language = str(record.get("language") or "").strip()
    title = str(record.get("title") or "").strip()
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
    body_html = nh3.clean(
        str(record.get("body") or ""),
        tags=BODY_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
    )
    story = StoryPage(
        title=title[:255],
        slug=slugify(key or title)[:80] or f"story-{translation_key.hex[:8]}",
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
    story.slug = find_available_slug(section, story.slug)
    section.add_child(instance=story)
    story.topics.set(topics)
    revision = story.save_revision()
    if publish:
        revision.publish()
    return story


def import_file(path, publish: bool = True, progress=None) -> ImportReport:
    report = ImportReport()
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                with transaction.atomic():
                    import_line(record, publish)
                report.imported += 1
            except (ValueError, TypeError) as error:
                report.skipped.append((number, str(error)))
            if progress:
                progress(number, report)
    return report
