"""The displays' monthly figures for cms.measurement: kiosk uptime and items shown."""

from datetime import datetime

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Display, HeartbeatSlot, ItemShown


def uptime(language_code: str | None, start: datetime, end: datetime) -> float | None:
    """Percentage of the month's heartbeat intervals, over every display that existed in
    it, in which a heartbeat arrived. Only for all languages together; None when no
    display was running in the month (or the month is in the future)."""
    if language_code is not None:
        return None
    end = min(end, timezone.now())
    expected = 0
    for display in Display.objects.filter(active=True, created_at__lt=end):
        since = max(start, display.created_at)
        if since < end:
            expected += int((end - since).total_seconds() // display.heartbeat_seconds) or 1
    if not expected:
        return None
    received = HeartbeatSlot.objects.filter(
        display__active=True, slot_start__gte=start, slot_start__lt=end
    ).count()
    return round(min(100.0, 100.0 * received / expected), 1)


def items_shown(language_code: str | None, start: datetime, end: datetime) -> int:
    """Items the kiosks showed in the month (days in the site's time zone)."""
    shown = ItemShown.objects.filter(
        day__gte=timezone.localdate(start), day__lt=timezone.localdate(end)
    )
    if language_code is not None:
        shown = shown.filter(language_code=language_code)
    return shown.aggregate(total=Sum("count"))["total"] or 0


def figures() -> list[tuple]:
    return [
        ("kiosk_uptime", _("Border-gate kiosk uptime (%)"), uptime),
        ("kiosk_items_shown", _("Items shown on border-gate kiosks"), items_shown),
    ]
