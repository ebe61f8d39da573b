"""Feed listings that stay fast with millions of items.

Keyset pagination: each page asks for items older than the last one shown (an index range
scan on (sort_at, id)), never OFFSET. Items of one cluster are shown once, under the
first of them, with the other sources listed.
"""

import base64
from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.dateparse import parse_date

from .models.items import Item, ItemTranslation

PAGE_SIZE = 20


@dataclass
class FeedFilters:
    province: str = ""
    topic: str = ""
    date_from: str = ""
    date_to: str = ""

    @classmethod
    def from_query(cls, query) -> "FeedFilters":
        def clean(name: str, limit: int = 40) -> str:
            return str(query.get(name, ""))[:limit].strip()

        return cls(clean("province"), clean("topic"), clean("from", 10), clean("to", 10))

    def apply(self, items):
        if self.province:
            items = items.filter(province__code=self.province)
        if self.topic:
            items = items.filter(topics__slug=self.topic)
        start, end = _date(self.date_from), _date(self.date_to)
        if start:
            items = items.filter(
                sort_at__gte=timezone.make_aware(datetime.combine(start, time.min))
            )
        if end:
            items = items.filter(sort_at__lte=timezone.make_aware(datetime.combine(end, time.max)))
        return items

    def query_string(self) -> str:
        from urllib.parse import urlencode

        pairs = {
            "province": self.province,
            "topic": self.topic,
            "from": self.date_from,
            "to": self.date_to,
        }
        return urlencode({k: v for k, v in pairs.items() if v})


def _date(value: str):
    try:
        return parse_date(value or "")
    except ValueError:  # well-formed but impossible, such as 2026-99-99
        return None


def encode_cursor(item: Item) -> str:
    return base64.urlsafe_b64encode(f"{item.sort_at.isoformat()}|{item.pk}".encode()).decode()


def decode_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    if not cursor:
        return None
    try:
        sort_at, pk = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(sort_at), int(pk)
    except (ValueError, UnicodeDecodeError):
        return None


@dataclass
class FeedPage:
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
        rows.append({"item": item, "translation": translation, "also": others})
    return FeedPage(rows, encode_cursor(batch[-1]) if more and batch else None)
