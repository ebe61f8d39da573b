"""The catalogue's rows: every live, public page of a content type, with its type,
language, province, topics, date and licence, filterable and in a stable order.

Content types are found, not listed: every page model with a ``date_published`` field,
plus province pages. A type's province is its ``province`` foreign key to
``taxonomy.Province``, its topics its ``topics`` many-to-many to ``taxonomy.Topic``, its
licence its ``licence`` text field when it has one, else the site's licence (the one feeds
and the API name). One query lists a page of results (a UNION over the types), then one
query fetches their pages and one per type with topics fetches those.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from wagtail.models import Page, get_page_models

from cms.provinces.models import ProvincePage
from cms.syndication.content import licence as site_licence
from cms.taxonomy.models import Province, Topic

CHUNK = 500
COLUMNS = ("id", "cat_type", "cat_language", "cat_date", "cat_province", "cat_licence")


def _field(model, name: str, related=None):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if related is not None and getattr(field, "related_model", None) is not related:
        return None
    return field


@dataclass(frozen=True)
class ContentKind:
    model: type[Page]

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def has_date(self) -> bool:
        return _field(self.model, "date_published") is not None

    @property
    def has_province(self) -> bool:
        return _field(self.model, "province", Province) is not None

    @property
    def topics_field(self):
        field = _field(self.model, "topics", Topic)
        return field if field is not None and field.many_to_many else None

    @property
    def has_licence(self) -> bool:
        field = _field(self.model, "licence")
        return isinstance(field, models.CharField | models.TextField)


def content_kinds() -> list[ContentKind]:
    kinds = [
        ContentKind(model)
        for model in get_page_models()
        if model is ProvincePage or _field(model, "date_published") is not None
    ]
    return sorted(kinds, key=lambda kind: kind.key)


@dataclass
class Filters:
    type: str = ""
    language: str = ""
    province: str = ""
    topic: str = ""
    date_from: date | None = None
    date_to: date | None = None
    licence: str = ""


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _rows(kind: ContentKind, filters: Filters, after: tuple[datetime, int] | None, private: Q):
    """One type's live, public pages as the catalogue's columns, filtered; None when the
    filters rule the whole type out."""
    if filters.type and filters.type != kind.key:
        return None
    if filters.topic and kind.topics_field is None:
        return None
    text = models.CharField()
    site = site_licence()["name"]
    pages = (
        kind.model.objects.live()
        .exclude(private)
        .filter(content_type=ContentType.objects.get_for_model(kind.model))
        .order_by()
        .annotate(
            cat_type=Value(kind.key, output_field=text),
            cat_language=F("locale__language_code"),
            cat_date=(
                Coalesce("date_published", "first_published_at")
                if kind.has_date
                else F("first_published_at")
            ),
            cat_province=F("province__code") if kind.has_province else Value(None, text),
            cat_licence=(
                Coalesce(NullIf("licence", Value("")), Value(site), output_field=text)
                if kind.has_licence
                else Value(site, output_field=text)
            ),
        )
    )
    if filters.language:
        pages = pages.filter(locale__language_code=filters.language)
    if filters.province:
        if not kind.has_province:
            return None
        pages = pages.filter(province__code=filters.province)
    if filters.topic:
        pages = pages.filter(topics__slug=filters.topic)
    if filters.date_from:
        pages = pages.filter(cat_date__gte=_day_start(filters.date_from))
    if filters.date_to:
        pages = pages.filter(cat_date__lt=_day_start(filters.date_to + timedelta(days=1)))
    if filters.licence:
        pages = pages.filter(cat_licence=filters.licence)
    if after is not None:
        moment, page_id = after
        pages = pages.filter(Q(cat_date__lt=moment) | Q(cat_date=moment, id__lt=page_id))
    return pages.values_list(*COLUMNS)


def catalogue_rows(
    filters: Filters, after: tuple[datetime, int] | None = None, private: Q | None = None
):
    """The filtered catalogue, newest first, as tuples of ``COLUMNS`` (a UNION query);
    ``after`` (date, id) starts after that row, so that exports read in stable chunks.
    ``private`` (``Page.objects.private_q()``, one query) leaves out pages behind a view
    restriction, as ``public()`` does; pass it to reuse it between calls."""
    if private is None:
        private = Page.objects.private_q()
    parts = [
        rows
        for kind in content_kinds()
        if (rows := _rows(kind, filters, after, private)) is not None
    ]
    if not parts:
        return Page.objects.none().values_list("id")
    first, *rest = parts
    return first.union(*rest, all=True).order_by("-cat_date", "-id")


def licences() -> list[str]:
    """Licence names found in the catalogue: the site's, and any page's own."""
    found = {site_licence()["name"]}
    for kind in content_kinds():
        if kind.has_licence:
            found.update(
                kind.model.objects.live().exclude(licence="").values_list("licence", flat=True)
            )
    return sorted(found)


def _iso(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat() if moment else ""


def entries(request, rows) -> list[dict]:
    """Complete catalogue entries for a batch of rows (their pages and topics fetched in
    one query each)."""
    rows = list(rows)
    ids = [row[0] for row in rows]
    pages = Page.objects.filter(pk__in=ids).select_related("locale").in_bulk()
    kinds = {kind.key: kind for kind in content_kinds()}
    topics: dict[int, list[str]] = {}
    for key in {row[1] for row in rows}:
        field = kinds[key].topics_field if key in kinds else None
        if field is None:
            continue
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        pairs = through.objects.filter(**{f"{source}_id__in": ids}).order_by(f"{target}__slug")
        for page_id, slug in pairs.values_list(f"{source}_id", f"{target}__slug"):
            topics.setdefault(page_id, []).append(slug)
    site = site_licence()
    result = []
    for page_id, key, language, moment, province, licence in rows:
        page = pages.get(page_id)
        if page is None:  # deleted between the two queries
            continue
        url = page.get_url(request=request) or ""
        result.append(
            {
                "id": page_id,
                "type": key,
                "type_label": kinds[key].label if key in kinds else key,
                "language": language,
                "title": page.title,
                "url": request.build_absolute_uri(url) if url else "",
                "date_published": _iso(moment),
                "province": province or "",
                "topics": topics.get(page_id, []),
                "licence": licence,
                "licence_url": site["url"] if licence == site["name"] else "",
                "translation_key": str(page.translation_key),
            }
        )
    return result


def all_entries(request, filters: Filters) -> Iterator[dict]:
    """Every entry of the filtered catalogue, CHUNK rows at a time, each chunk after the
    last row of the one before (pages published meanwhile neither shift nor repeat rows)."""
    after, private = None, Page.objects.private_q()
    while True:
        batch = list(catalogue_rows(filters, after, private)[:CHUNK])
        if not batch:
            return
        yield from entries(request, batch)
        if len(batch) < CHUNK:
            return
        after = (batch[-1][3], batch[-1][0])
