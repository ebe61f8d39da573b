"""A kiosk's heartbeat: proof that it is on, carrying the counts of what it showed.

The body is JSON: ``{"counts": [{"item": "story:12", "language": "zh-hans", "count": 3}]}``
(``item`` as in the bundle: ``story:<page id>`` or ``photo:<gallery id>:<index>``). Bad
input raises ``HeartbeatError`` (the view answers 400); an item whose page has gone or is
not in that language is skipped, the rest is stored. Heartbeats closer together than half
the display's interval are refused with ``TooSoon`` (429): the kiosk keeps its counts and
sends them with the next one, so nothing is lost.
"""

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import conf
from .models import Display, HeartbeatSlot, ItemShown

MAX_BODY = 64 * 1024
MAX_COUNT = 100_000  # shows of one item in one heartbeat; one per second for a day is 86,400
ITEM = re.compile(r"^(story|photo):(\d{1,12})(?::(\d{1,4}))?$")


class HeartbeatError(ValueError):
    """The heartbeat's body is not what a kiosk sends; the message says what is wrong."""


class TooSoon(Exception):
    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Count:
    item: str
    language: str
    page_id: int
    count: int


@dataclass(frozen=True)
class Result:
    stored: int
    skipped: int


def parse(body: bytes, languages: list[str]) -> list[Count]:
    if len(body) > MAX_BODY:
        raise HeartbeatError(
            _("The heartbeat is larger than %(limit)d bytes.") % {"limit": MAX_BODY}
        )
    try:
        data = json.loads(body.decode("utf-8")) if body.strip() else {}
    except (UnicodeDecodeError, ValueError):
        raise HeartbeatError(_("The heartbeat is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise HeartbeatError(_("The heartbeat must be a JSON object."))
    entries = data.get("counts", [])
    if not isinstance(entries, list):
        raise HeartbeatError(_("“counts” must be a list."))
    if len(entries) > conf.get("DISPLAYS_MAX_COUNTS"):
        raise HeartbeatError(_("Too many counts in one heartbeat."))
    return [_count(entry, languages) for entry in entries]


def _count(entry, languages: list[str]) -> Count:
    if not isinstance(entry, dict):
        raise HeartbeatError(_("Each count must be a JSON object."))
    item, language, count = entry.get("item"), entry.get("language"), entry.get("count")
    match = ITEM.match(item) if isinstance(item, str) else None
    if match is None or (match[1] == "photo") != (match[3] is not None):
        raise HeartbeatError(_("Unknown item %(item)r.") % {"item": str(item)[:60]})
    if language not in languages:
        raise HeartbeatError(
            _("Language %(code)r is not one of this display's.") % {"code": str(language)[:20]}
        )
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        raise HeartbeatError(
            _("“count” must be a whole number from 1 to %(max)d.") % {"max": MAX_COUNT}
        )
    return Count(item, language, int(match[2]), count)


def slot_start(moment: datetime, seconds: int) -> datetime:
    """The start of the heartbeat interval ``moment`` falls in (intervals from the epoch)."""
    epoch = int(moment.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=UTC)


@transaction.atomic
def record(display_id: int, counts: list[Count], now: datetime | None = None) -> Result:
    """Store one heartbeat; the display row is locked so two heartbeats add up in turn."""
    now = now or timezone.now()
    display = Display.objects.select_for_update().get(pk=display_id)
    if display.last_heartbeat_at is not None:
        wait = display.last_heartbeat_at + timedelta(seconds=display.heartbeat_seconds / 2) - now
        if wait > timedelta(0):
            raise TooSoon(max(1, round(wait.total_seconds())))
    display.last_heartbeat_at = now
    display.save(update_fields=["last_heartbeat_at"])
    HeartbeatSlot.objects.get_or_create(
        display=display, slot_start=slot_start(now, display.heartbeat_seconds)
    )
    known = dict(
        Page.objects.filter(pk__in={count.page_id for count in counts}).values_list(
            "pk", "locale__language_code"
        )
    )
    usable = [count for count in counts if known.get(count.page_id) == count.language]
    day = timezone.localdate(now)
    totals: dict[tuple[str, str], tuple[int, int]] = {}
    for count in usable:
        key = (count.language, count.item)
        previous = totals.get(key, (count.page_id, 0))[1]
        totals[key] = (count.page_id, previous + count.count)
    existing = {
        (row.language_code, row.item_key): row
        for row in ItemShown.objects.filter(
            display=display, day=day, item_key__in={item for _lang, item in totals}
        )
    }
    changed, new = [], []
    for (language, item), (page_id, count) in totals.items():
        if row := existing.get((language, item)):
            row.count += count
            changed.append(row)
        else:
            new.append(
                ItemShown(
                    display=display,
                    day=day,
                    language_code=language,
                    item_key=item,
                    page_id=page_id,
                    count=count,
                )
            )
    ItemShown.objects.bulk_update(changed, ["count"])
    ItemShown.objects.bulk_create(new)
    return Result(stored=len(usable), skipped=len(counts) - len(usable))
