"""Lists beside the monthly figures: top pages and referrers, news items per province,
failing sources."""

from datetime import datetime

from django.db.models import Count, Sum

from cms.aggregator.models import Item, Source
from cms.taxonomy.models import Province

from . import conf
from .models import PageView


def _views(language: str | None, start: datetime, end: datetime):
    rows = PageView.objects.filter(day__gte=start.date(), day__lt=end.date())
    return rows if language is None else rows.filter(language=language)


def top_pages(language: str | None, start: datetime, end: datetime) -> list[dict]:
    """[{"path", "views"}], most viewed first."""
    return list(
        _views(language, start, end)
        .values("path")
        .annotate(views=Sum("views"))
        .order_by("-views", "path")[: conf.get("MEASUREMENT_TOP_ROWS")]
    )


def top_referrers(language: str | None, start: datetime, end: datetime) -> list[dict]:
    """[{"referrer_host", "views"}] of other sites, most views first."""
    return list(
        _views(language, start, end)
        .exclude(referrer_host="")
        .values("referrer_host")
        .annotate(views=Sum("views"))
        .order_by("-views", "referrer_host")[: conf.get("MEASUREMENT_TOP_ROWS")]
    )


def items_by_province(language: str | None, start: datetime, end: datetime) -> list[dict]:
    """[{"province", "items"}] by the source's province (None: national sources)."""
    items = Item.objects.filter(ingested_at__gte=start, ingested_at__lt=end)
    if language is not None:
        items = items.filter(language=language)
    rows = list(items.values("source__province").annotate(items=Count("id")).order_by("-items"))
    names = {
        province.pk: province.name
        for province in Province.objects.filter(pk__in=[row["source__province"] for row in rows])
    }
    return sorted(
        ({"province": names.get(row["source__province"]), "items": row["items"]} for row in rows),
        key=lambda row: (-row["items"], row["province"] or ""),
    )


def failing_sources() -> list[Source]:
    """Sources whose latest fetches failed, the longest run of failures first."""
    return list(
        Source.objects.filter(consecutive_failures__gt=0)
        .select_related("province")
        .order_by("-consecutive_failures", "name")
    )
