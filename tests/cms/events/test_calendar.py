"""The iCalendar feed per language, read back with the icalendar package."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from cms.events.models import EventIndexPage, EventPage
from tests.cms.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def index(code: str) -> EventIndexPage:
    return EventIndexPage.objects.get(locale__language_code=code)


def calendar(client, code: str) -> tuple[Calendar, dict]:
    response = client.get(f"/{code}/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = Calendar.from_ical(response.content)
    return cal, {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


def test_each_language_lists_its_own_events(client):
    EventPageFactory(parent=index("lo"), title="ບຸນທາດຫຼວງ", slug="that-luang")
    EventPageFactory(parent=index("km"), title="បុណ្យអុំទូក", slug="water-festival")
    EventPageFactory(parent=index("zh-hans"), title="春节庆祝", slug="tet")
    _cal, lao = calendar(client, "lo")
    _cal, khmer = calendar(client, "km")
    _cal, chinese = calendar(client, "zh-hans")
    assert set(lao) == {"ບຸນທາດຫຼວງ"}
    assert set(khmer) == {"បុណ្យអុំទូក"}
    assert set(chinese) == {"春节庆祝"}
    _cal, english = calendar(client, "en")
    assert "Diplomatic relations between Vietnam and Laos" in english
    assert "Hue Festival 2027" in english
    _cal, vietnamese = calendar(client, "vi")
    assert "Festival Huế 2027" in vietnamese and "Hue Festival 2027" not in vietnamese


def test_time_zone_is_the_events_own(client):
    EventPageFactory(
        parent=index("en"),
        title="Paris talk",
        slug="paris-talk",
        start=datetime(2030, 3, 10, 14, 0, tzinfo=PARIS),
        end=datetime(2030, 3, 10, 15, 30, tzinfo=PARIS),
        time_zone="Europe/Paris",
        place_name="",
        online_url="https://example.org/talk",
    )
    cal, events = calendar(client, "en")
    event = events["Paris talk"]
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (14, 0)
    assert start.utcoffset().total_seconds() == 3600
    assert event.decoded("DTEND") == datetime(2030, 3, 10, 15, 30, tzinfo=PARIS)
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    used = {e["DTSTART"].params["TZID"] for e in events.values() if "TZID" in e["DTSTART"].params}
    assert {"Europe/Paris", "Asia/Ho_Chi_Minh"} <= used == zones, "one VTIMEZONE per zone used"
    assert str(event["LOCATION"]) == "https://example.org/talk"


def test_anniversary_recurs_yearly_from_its_founding_date(client):
    _cal, events = calendar(client, "en")
    laos = events["Diplomatic relations between Vietnam and Laos"]
    assert laos.decoded("DTSTART") == date(1962, 9, 5)
    assert laos.decoded("DTEND") == date(1962, 9, 6)
    assert laos["RRULE"]["FREQ"] == ["YEARLY"]
    assert "Hanoi and Vientiane" in str(laos["LOCATION"])
    festival = events["Hue Festival 2027"]
    assert "RRULE" not in festival


def test_uid_is_stable_per_page_and_language(client):
    page = EventPageFactory(parent=index("en"), title="Before", slug="renamed")
    _cal, before = calendar(client, "en")
    page.title = "After"
    page.save_revision().publish()
    _cal, after = calendar(client, "en")
    assert before["Before"]["UID"] == after["After"]["UID"]
    _cal, vi = calendar(client, "vi")
    uids = [str(e["UID"]) for e in after.values()] + [str(e["UID"]) for e in vi.values()]
    assert len(uids) == len(set(uids)), "one UID per page"


def test_hostile_title_stays_one_event(client):
    hostile = "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected; a, b \\ c"
    EventPageFactory(
        parent=index("km"),
        title=hostile,
        slug="hostile",
        standfirst="Line one\nDESCRIPTION:two; three, four",
        place_name="A; B, C",
    )
    _cal, events = calendar(client, "km")
    assert len(events) == 1
    (event,) = events.values()
    assert str(event["SUMMARY"]) == hostile.replace("\r\n", "\n")  # a line break stays one
    assert str(event["DESCRIPTION"]).startswith("Line one\nDESCRIPTION:two; three, four")
    assert str(event["LOCATION"]) == "A; B, C"


def test_description_is_plain_text_and_url_absolute(client):
    page = EventPage.objects.get(slug="festival-hue-2027", locale__language_code="en")
    _cal, events = calendar(client, "en")
    event = events[page.title]
    assert "<" not in str(event["DESCRIPTION"])
    assert str(event["URL"]) == "http://testserver" + page.url


def test_unpublished_events_are_left_out(client):
    EventPageFactory(parent=index("en"), title="Draft event", slug="draft", live=False)
    _cal, events = calendar(client, "en")
    assert "Draft event" not in events


def test_language_without_locale_is_404(client):
    assert client.get("/xx/events.ics").status_code == 404
