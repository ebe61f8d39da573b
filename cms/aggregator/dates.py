"""Dates as Vietnamese portals write them, read as Vietnam time when no zone is given.

feedparser reads ``16-05-2023`` as 2016-05-20, so day-first forms are parsed here first.
"""

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
    r"(?:[ ,T]+(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)
TIME_FIRST = re.compile(
    r"(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?:[AP]M)?\s*[,-]?\s*"
    r"(?:[^\d]{0,20})(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
)
OFFSET = re.compile(r"\b(?:GMT|UTC)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?", re.I)


def _zone(text: str):
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


def parse_date(value: str | None) -> datetime | None:
    """Parse a date string; naive times are Vietnam time. None when unreadable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    if re.match(r"^\d{4}-\d{2}-\d{2}", iso):
        try:
            parsed = datetime.fromisoformat(iso.replace(" ", "T", 1))
        except ValueError:
            parsed = None
        if parsed:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)
    for pattern in (TIME_FIRST, DAY_FIRST):
        match = pattern.search(text)
        if match:
            return _build(match, text)
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)
