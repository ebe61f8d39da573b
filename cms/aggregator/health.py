"""Per-source health, as the admin lists it."""

from datetime import timedelta

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.utils import timezone


def with_health(sources):
    week_ago = timezone.now() - timedelta(days=7)
    delay = ExpressionWrapper(
        F("items__ingested_at") - F("items__published_at"), output_field=DurationField()
    )
    return sources.annotate(
        items_7d=Count("items", filter=Q(items__ingested_at__gte=week_ago)),
        average_delay=Avg(
            delay, filter=Q(items__published_at__isnull=False, items__ingested_at__gte=week_ago)
        ),
    )


def describe_delay(value) -> str:
    if value is None:
        return "–"
    minutes = int(value.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
