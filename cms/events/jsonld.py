"""schema.org ``Event`` for an event page's head (cms.syndication.jsonld escapes it)."""

from django.utils import timezone
from wagtail.images.models import SourceImageIOError

from .recurrence import first_occurrence

SCHEMA = "https://schema.org/"


def _when(value, all_day: bool) -> str:
    """A date for an all-day event, else a date-time with the event zone's offset."""
    if all_day:
        return (value.date() if hasattr(value, "date") else value).isoformat()
    return value.isoformat()


def attendance_mode(page) -> str:
    if page.place_name and page.online_url:
        return SCHEMA + "MixedEventAttendanceMode"
    if page.online_url:
        return SCHEMA + "OnlineEventAttendanceMode"
    return SCHEMA + "OfflineEventAttendanceMode"


def location(page) -> list[dict]:
    places = []
    if page.place_name:
        address = {"@type": "PostalAddress", "addressCountry": "VN"}
        if page.place_address:
            address["streetAddress"] = page.place_address
        if page.province_id:
            address["addressRegion"] = page.province.name
        places.append({"@type": "Place", "name": page.place_name, "address": address})
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    return places


def event(request, page, publisher: dict) -> dict:
    occurrence = page.occurrence(timezone.now())
    url = request.build_absolute_uri(page.get_url(request=request))
    places = location(page)
    # an all-day event's stored end is the next midnight; schema.org wants its last day
    end = occurrence.last_day if occurrence.all_day else occurrence.end
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "description": page.standfirst,
        "inLanguage": page.locale.language_code,
        "startDate": _when(occurrence.start, occurrence.all_day),
        "endDate": _when(end, occurrence.all_day),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": attendance_mode(page),
        "location": places[0] if len(places) == 1 else places,
        "organizer": {"@type": "Organization", "name": page.organizer}
        if page.organizer
        else publisher,
    }
    if page.yearly:
        first = first_occurrence(page)
        data["eventSchedule"] = {
            "@type": "Schedule",
            "repeatFrequency": "P1Y",
            "startDate": first.first_day.isoformat(),
            "scheduleTimezone": page.time_zone,
        }
    if page.hero_image_id:
        try:
            rendition = page.hero_image.get_rendition("width-1200|format-jpeg")
            data["image"] = [request.build_absolute_uri(rendition.url)]
        except SourceImageIOError:  # the file is missing: leave the image out, not fail
            pass
    return data
