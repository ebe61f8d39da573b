"""The displays' monthly figures: uptime (all languages only) and items shown."""

from datetime import UTC, date, datetime, timedelta

import pytest
from wagtail import hooks

from cms.displays.models import HeartbeatSlot, ItemShown

from .factories import DisplayFactory

pytestmark = pytest.mark.django_db
JANUARY = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC))


def figure(key):
    found = {
        k: compute
        for hook in hooks.get_hooks("register_measurement_figures")
        for k, _label, compute in hook()
    }
    return found[key]


def test_uptime_is_the_share_of_intervals_with_a_heartbeat():
    display = DisplayFactory(heartbeat_seconds=3600, created_at=JANUARY[0] - timedelta(days=3))
    hours = 31 * 24
    HeartbeatSlot.objects.bulk_create(
        HeartbeatSlot(display=display, slot_start=JANUARY[0] + timedelta(hours=2 * n))
        for n in range(hours // 2)
    )
    HeartbeatSlot.objects.create(display=display, slot_start=JANUARY[1])  # February
    uptime = figure("kiosk_uptime")
    assert uptime(None, *JANUARY) == 50.0
    assert uptime("vi", *JANUARY) is None
    assert uptime(None, datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC)) is None


def test_items_shown_per_language():
    display = DisplayFactory()
    for day, code, count in [
        (date(2026, 1, 1), "vi", 5),
        (date(2026, 1, 31), "zh-hans", 3),
        (date(2026, 2, 1), "vi", 100),
    ]:
        ItemShown.objects.create(
            display=display, day=day, language_code=code, item_key=f"story:{count}", count=count
        )
    shown = figure("kiosk_items_shown")
    assert shown(None, *JANUARY) == 8
    assert shown("vi", *JANUARY) == 5
    assert shown("km", *JANUARY) == 0
