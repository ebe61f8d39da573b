"""When an event happens: its times in its own zone, its next occurrence and, for a
yearly anniversary, which anniversary that is.

An event stores aware datetimes (UTC in the database) and the IANA name of its zone; every
calculation here is done in that zone, so a yearly event keeps its wall-clock time and date
across daylight-saving changes. A yearly event recurs from its first date (the founding
year) as iCalendar's ``RRULE:FREQ=YEARLY`` does: 29 February recurs only in leap years.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import YEARLY, rrule
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_ZONE = "Asia/Ho_Chi_Minh"


def zone(name: str) -> tzinfo:
    """The zone named ``name``; the site's zone for an empty or unknown name."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def validate_zone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(name)s” is not a time zone name; write one such as Asia/Ho_Chi_Minh."),
            params={"name": name},
        ) from None


@dataclass(frozen=True)
class Occurrence:
    start: datetime  # aware, in the event's zone
    end: datetime  # aware, in the event's zone; the end of the day for an all-day event
    all_day: bool
    anniversary: int  # years since the first occurrence; 0 for the first

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        """The last day the event takes place (inclusive)."""
        return (self.end - timedelta(microseconds=1)).date() if self.all_day else self.end.date()


def first_occurrence(event) -> Occurrence:
    """``event`` has ``start``, ``end`` (or None), ``time_zone`` and ``all_day``."""
    where = zone(event.time_zone)
    start = event.start.astimezone(where)
    end = event.end.astimezone(where) if event.end else None
    if event.all_day:
        start = datetime.combine(start.date(), datetime.min.time(), tzinfo=where)
        last = end.date() if end and end.date() >= start.date() else start.date()
        end = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=where)
    elif end is None or end < start:
        end = start
    return Occurrence(start, end, event.all_day, 0)


def next_occurrence(event, now: datetime) -> Occurrence | None:
    """The occurrence that has not yet ended at ``now``: the event itself, or for a
    yearly event the next anniversary; None for a one-off event that is over."""
    first = first_occurrence(event)
    if not event.yearly:
        return first if first.end > now else None
    length = first.end - first.start
    rule = rrule(YEARLY, dtstart=first.start.replace(tzinfo=None))
    local_now = now.astimezone(first.start.tzinfo).replace(tzinfo=None)
    start = rule.after(local_now - length, inc=False)
    if start is None:
        return None
    start = start.replace(tzinfo=first.start.tzinfo)
    end = (start.replace(tzinfo=None) + length).replace(tzinfo=first.start.tzinfo)
    return Occurrence(start, end, first.all_day, start.year - first.start.year)
