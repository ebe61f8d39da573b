"""Reading dates written by others: one family of parsers for every layer.

- ``bounded_date``: an ISO date (``2025-07-01``) from a query string or a form.
- ``iso_datetime``: an ISO 8601 date-time, or a date at a given time of day (imports).
- ``parse_datetime``: whatever a portal or a feed writes - ISO, the day-first
  ``dd/MM/yyyy HH:mm`` forms (also with ``-`` or ``.``, ``8h30``, the time first, a
  weekday in front, ``GMT+7``) and RFC 822 (``Tue, 16 May 2023 08:30:00 +0700``).
  feedparser reads ``16-05-2023`` as 2016-05-20, so feeds' dates are read here.
- ``http_date``: an RFC 822 date in an HTTP header (``Retry-After``), GMT when no zone.

A time without a zone is Vietnam time (UTC+7, the site's time zone). A date outside
``MIN_DATE``..``MAX_DATE`` is unreadable: no link or portal means it, and databases
overflow on far dates.
"""

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from django.utils import dateparse

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)

ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
    r"(?:[ ,T]+(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)
TIME_FIRST = re.compile(
    r"(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?:[AP]M)?\s*[,-]?\s*"
    r"(?:[^\d]{0,20})(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
)
OFFSET = re.compile(r"\b(?:GMT|UTC)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?", re.I)


def within_bounds(value: date | datetime) -> bool:
    day = value.date() if isinstance(value, datetime) else value
    return MIN_DATE <= day <= MAX_DATE


def _bounded(value: datetime | None) -> datetime | None:
    return value if value is not None and within_bounds(value) else None


def bounded_date(value: str | None) -> date | None:
    """An ISO date between MIN_DATE and MAX_DATE, else None."""
    try:
        day = date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None
    return day if within_bounds(day) else None


def iso_datetime(value: str | None, at: time = time(0)) -> datetime | None:
    """An ISO 8601 date-time, or an ISO date at ``at``; naive values are Vietnam time.
    None when unreadable; the bounds are the caller's (``within_bounds``), so that it can
    tell an unreadable date from a far one."""
    text = str(value or "").strip()
    try:
        day = dateparse.parse_date(text)
        parsed = datetime.combine(day, at) if day else dateparse.parse_datetime(text)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)


def _zone(text: str) -> tzinfo:
    match = OFFSET.search(text)
    if not match:
        return VIETNAM
    sign, hours, minutes = match.groups()
    if sign is None:
        return UTC
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return timezone(delta if sign == "+" else -delta)


def _build(match: re.Match, text: str) -> datetime | None:
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    try:
        return datetime(
            parts["year"],
            parts["month"],
            parts["day"],
            parts.get("hour", 0),
            parts.get("minute", 0),
            parts.get("second", 0),
            tzinfo=_zone(text),
        )
    except ValueError:
        return None


def _rfc822(text: str, naive_zone: tzinfo) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=naive_zone)


def parse_datetime(value: str | None) -> datetime | None:
    """A date as a portal or a feed writes it (see the module doc); None when unreadable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if ISO_START.match(text):
        parsed = iso_datetime(text)
        if parsed is not None:
            return _bounded(parsed)
    for pattern in (TIME_FIRST, DAY_FIRST):
        match = pattern.search(text)
        if match:
            return _bounded(_build(match, text))
    return _bounded(_rfc822(text, VIETNAM))


def http_date(value: str | None) -> datetime | None:
    """An HTTP date (RFC 822, GMT when no zone is given); None when unreadable."""
    return _bounded(_rfc822((value or "").strip(), UTC)) if value else None
