"""The iCalendar file of one language's events (RFC 5545, written by ``icalendar``).

- ``UID``: the page's translation key and language, stable across edits and renames.
- ``DTSTART``/``DTEND``: wall-clock times with ``TZID`` of the event's zone, and a
  ``VTIMEZONE`` per zone used (covering the years from the earliest event on); an all-day
  event has ``VALUE=DATE`` dates, ``DTEND`` the day after its last day.
- ``RRULE:FREQ=YEARLY`` for an anniversary, from its first date.
- ``SUMMARY``, ``DESCRIPTION`` (plain text), ``LOCATION``, ``URL``.

``icalendar`` escapes commas, semicolons, backslashes and line breaks in text values, so
a title cannot end its event or add properties.
"""

from datetime import date

from django.utils import timezone
from icalendar import Calendar, Event

from .recurrence import first_occurrence

PRODUCT_ID = "-//Vietnam national promotion site//Events//EN"


def _event(request, page, host: str) -> Event:
    first = first_occurrence(page)
    item = Event()
    item.add("uid", f"event-{page.translation_key}-{page.locale.language_code}@{host}")
    item.add("dtstamp", page.last_published_at or timezone.now())
    if first.all_day:
        item.add("dtstart", first.first_day)
        item.add("dtend", first.end.date())
    else:
        item.add("dtstart", first.start)
        item.add("dtend", first.end)
    item.add("summary", page.title)
    item.add("description", page.plain_text())
    if location := page.location_text():
        item.add("location", location)
    item.add("url", request.build_absolute_uri(page.get_url(request=request)))
    if page.yearly:
        item.add("rrule", {"freq": "yearly"})
    if page.last_published_at:
        item.add("last-modified", page.last_published_at)
    return item


def calendar(request, title: str, pages, host: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title)
    earliest, latest = date(1970, 1, 1), date(timezone.now().year + 2, 1, 1)
    for page in pages:
        cal.add_component(_event(request, page, host))
        earliest = min(earliest, page.start.date())
        latest = max(latest, date(page.start.year + 2, 1, 1))
    # each zone's rules from the earliest event to a year past the latest (or next year)
    cal.add_missing_timezones(first_date=earliest, last_date=latest)
    return cal.to_ical()
