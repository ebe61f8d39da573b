"""Feed listings that stay fast with millions of items (queries over the item models,
used by the feed pages here and by province pages).

Keyset pagination: each page asks for items older than the last one shown (an index range
scan on (sort_at, id)), never OFFSET. Items of one cluster are shown once, under the
first of them, with the other sources listed.
"""

import base64
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urlencode

from django import forms
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import get_language_info

from cms.core.params import DateParam, ParamsForm, TextParam
from cms.taxonomy.models import Province, Topic
from cms.text.dates import bounded_date, within_bounds

from .items import Item, ItemTranslation

PAGE_SIZE = 20
MAX_ID = 2**63 - 1


class FeedParams(ParamsForm):
    """The news page's query string (see cms.core.params for malformed values).

    An unknown province or topic, an impossible or far date (outside 1900-2100) is
    ignored and the page says so; an unreadable ``after`` cursor starts from the newest
    item, silently, as an expired link would.
    """

    province = forms.ModelChoiceField(Province.objects.all(), to_field_name="code", required=False)
    topic = forms.ModelChoiceField(Topic.objects.all(), to_field_name="slug", required=False)
    after = TextParam(max_length=200)

    def __init__(self, query, **kwargs):
        super().__init__(query, **kwargs)
        self.fields["from"] = DateParam()
        self.fields["to"] = DateParam()


@dataclass
class FeedFilters:
    province: str = ""
    topic: str = ""
    date_from: str = ""
    date_to: str = ""

    @classmethod
    def from_params(cls, params: FeedParams) -> "FeedFilters":
        data = params.usable()

        def day(name: str) -> str:
            return data[name].isoformat() if data.get(name) else ""

        return cls(
            data["province"].code if data.get("province") else "",
            data["topic"].slug if data.get("topic") else "",
            day("from"),
            day("to"),
        )

    def apply(self, items):
        if self.province:
            items = items.filter(province__code=self.province)
        if self.topic:
            items = items.filter(topics__slug=self.topic)
        start, end = bounded_date(self.date_from), bounded_date(self.date_to)
        if start:
            items = items.filter(
                sort_at__gte=timezone.make_aware(datetime.combine(start, time.min))
            )
        if end:
            items = items.filter(sort_at__lte=timezone.make_aware(datetime.combine(end, time.max)))
        return items

    def query_string(self) -> str:
        pairs = {
            "province": self.province,
            "topic": self.topic,
            "from": self.date_from,
            "to": self.date_to,
        }
        return urlencode({k: v for k, v in pairs.items() if v})


def encode_cursor(item: Item) -> str:
    return base64.urlsafe_b64encode(f"{item.sort_at.isoformat()}|{item.pk}".encode()).decode()


def decode_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    """The position a cursor points at, or None when it is unreadable, has no time zone,
    or lies outside the dates and ids a database can compare."""
    if not cursor or len(cursor) > 200:
        return None
    try:
        sort_at, pk = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        position = datetime.fromisoformat(sort_at), int(pk)
    except (ValueError, UnicodeDecodeError):
        return None
    when, number = position
    if timezone.is_naive(when) or not 0 < number < MAX_ID:
        return None
    if not within_bounds(when):
        return None
    return position


def language_label(code: str) -> str:
    """A language's name in the active language ("Vietnamese" on an English page); the
    code itself when Django does not know it (a source's language is typed by an editor)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@dataclass
class FeedPage:
    """``rows``: dicts of the item, its machine translation into the page's language (or
    None), the other items of its cluster, and ``language_name``: the name of the item's
    language when it is not the page's (else empty), for a label."""

    rows: list[dict]
    next_cursor: str | None


def feed_page(
    filters: FeedFilters, language: str, cursor: str | None = None, size: int = PAGE_SIZE
) -> FeedPage:
    items = filters.apply(Item.objects.all())
    position = decode_cursor(cursor)
    if position:
        sort_at, pk = position
        items = items.filter(Q(sort_at__lt=sort_at) | Q(sort_at=sort_at, pk__lt=pk))
    batch = list(
        items.order_by("-sort_at", "-id")
        .select_related("source", "province")
        .prefetch_related(
            Prefetch("translations", queryset=ItemTranslation.objects.filter(language=language))
        )[: size + 1]
    )
    more = len(batch) > size
    batch = batch[:size]
    clusters = {item.cluster_id for item in batch if item.cluster_id}
    siblings: dict[int, list[Item]] = {}
    if clusters:
        for sibling in (
            Item.objects.filter(cluster_id__in=clusters)
            .select_related("source")
            .order_by("sort_at")
        ):
            siblings.setdefault(sibling.cluster_id, []).append(sibling)
    rows, shown = [], set()
    for item in batch:
        if item.cluster_id and item.cluster_id in shown:
            continue
        shown.add(item.cluster_id)
        translation = next(iter(item.translations.all()), None)
        others = [s for s in siblings.get(item.cluster_id, []) if s.pk != item.pk]
        foreign = language_label(item.language) if item.language != language else ""
        rows.append(
            {"item": item, "translation": translation, "also": others, "language_name": foreign}
        )
    return FeedPage(rows, encode_cursor(batch[-1]) if more and batch else None)
