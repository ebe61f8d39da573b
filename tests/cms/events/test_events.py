from datetime import date, datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from cms.events.models import EventIndexPage, EventPage
from cms.events.ordinals import anniversary_label
from cms.events.recurrence import first_occurrence, next_occurrence
from tests.cms.events.factories import EventPageFactory
from tests.cms.people.support import HOSTILE, assert_inert, json_ld, translate_and_publish

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
PARIS = ZoneInfo("Europe/Paris")


def index(code: str) -> EventIndexPage:
    return EventIndexPage.objects.get(locale__language_code=code)


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.text for a in soup.select(".event-card h3 a")]


def laos_anniversary_now() -> int:
    today = timezone.now().astimezone(ZoneInfo("Asia/Vientiane")).date()
    year = today.year if today <= date(today.year, 9, 5) else today.year + 1
    return year - 1962


def test_upcoming_and_past_per_language(client):
    lo = index("lo")
    EventPageFactory(parent=lo, title="ງານໃນອະນາຄົດ", slug="future")
    EventPageFactory(
        parent=lo,
        title="ງານທີ່ຜ່ານມາ",
        slug="past",
        start=datetime(2020, 1, 1, 9, tzinfo=HCM),
        end=datetime(2020, 1, 2, 9, tzinfo=HCM),
    )
    EventPageFactory(parent=index("km"), title="ព្រឹត្តិការណ៍", slug="khmer")
    assert titles(client.get(lo.url)) == ["ງານໃນອະນາຄົດ"]
    assert titles(client.get(lo.url + "?when=past")) == ["ງານທີ່ຜ່ານມາ"]
    assert titles(client.get(lo.url + "?when=tomorrow")) == ["ງານໃນອະນາຄົດ"], "ignored"


def test_anniversary_shows_its_number_at_the_next_occurrence(client):
    response = client.get(index("en").url)
    soup = BeautifulSoup(response.content, "html.parser")
    cards = {card.h3.a.text: card for card in soup.select(".event-card")}
    laos = cards["Diplomatic relations between Vietnam and Laos"]
    expected = f"{laos_anniversary_now()}th anniversary"
    assert laos.select_one(".anniversary").text == expected
    assert "Heritage photo exhibition 2025" not in cards
    upcoming = list(cards)
    assert upcoming.index("Discover Vietnam: an online talk") < upcoming.index("Hue Festival 2027")


def test_event_page_shows_times_in_the_events_zone(client):
    page = EventPageFactory(
        parent=index("zh-hans"),
        title="巴黎推介会",
        slug="paris",
        start=datetime(2030, 7, 1, 18, 30, tzinfo=PARIS),
        end=datetime(2030, 7, 1, 20, 0, tzinfo=PARIS),
        time_zone="Europe/Paris",
    )
    page.refresh_from_db()
    assert page.start == datetime(2030, 7, 1, 16, 30, tzinfo=ZoneInfo("UTC"))
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    times = soup.select(".event__facts time")
    assert times[0]["datetime"] == "2030-07-01T18:30:00+02:00"
    assert "Europe/Paris" in soup.select_one(".event__facts .zone").text


def test_event_json_ld(client):
    page = EventPageFactory(
        parent=index("km"),
        title="ពិព័រណ៍",
        slug="expo",
        start=datetime(2030, 3, 10, 14, tzinfo=PARIS),
        end=datetime(2030, 3, 10, 16, tzinfo=PARIS),
        time_zone="Europe/Paris",
        place_name="Salle Pleyel",
        place_address="252 rue du Faubourg Saint-Honoré",
        online_url="https://example.org/live",
    )
    data = json_ld(client.get(page.url).content, "Event")
    assert data["name"] == "ពិព័រណ៍"
    assert data["startDate"] == "2030-03-10T14:00:00+01:00"
    assert data["endDate"] == "2030-03-10T16:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["address"]["@type"] == "PostalAddress"
    assert virtual == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert data["organizer"]["@type"] == "Organization" and data["organizer"]["name"]
    assert data["inLanguage"] == "km"


def test_anniversary_json_ld_gives_next_date_and_yearly_schedule(client):
    page = EventPage.objects.get(slug="quan-he-ngoai-giao-viet-nam-lao", locale__language_code="vi")
    data = json_ld(client.get(page.url).content, "Event")
    year = 1962 + laos_anniversary_now()
    assert data["startDate"] == f"{year}-09-05" == data["endDate"]
    assert data["eventSchedule"]["repeatFrequency"] == "P1Y"
    assert data["eventSchedule"]["startDate"] == "1962-09-05"
    assert data["location"]["@type"] == "Place"
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")


def test_hostile_title_is_inert(client):
    page = EventPageFactory(parent=index("en"), title=HOSTILE, slug="hostile")
    response = client.get(page.url)
    assert_inert(response.content)
    assert json_ld(response.content, "Event")["name"] == HOSTILE


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse(client, kind):
    EventPageFactory(parent=index("lo"), title="ງານບຸນ", slug="boun")
    feed = feedparser.parse(client.get(index("lo").url + f"feed/{kind}/").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["ງານບຸນ"]


@pytest.mark.parametrize("query", ["?when=%00", "?when=past&when=upcoming", "?page=1&page=1"])
def test_bad_parameters_get_400(client, query):
    assert client.get(index("en").url + query).status_code == 400


def test_next_occurrence_of_a_yearly_event():
    vientiane = ZoneInfo("Asia/Vientiane")
    event = EventPage(
        start=datetime(1962, 9, 5, tzinfo=vientiane),
        time_zone="Asia/Vientiane",
        all_day=True,
        yearly=True,
    )
    on_the_day = datetime(2027, 9, 5, 23, 0, tzinfo=vientiane)
    assert next_occurrence(event, on_the_day).anniversary == 65, "the day itself counts"
    after = datetime(2027, 9, 6, 0, 1, tzinfo=vientiane)
    assert next_occurrence(event, after).first_day == date(2028, 9, 5)
    leap = EventPage(
        start=datetime(2000, 2, 29, 10, tzinfo=HCM), time_zone="Asia/Ho_Chi_Minh", yearly=True
    )
    assert next_occurrence(leap, datetime(2001, 1, 1, tzinfo=HCM)).first_day == date(2004, 2, 29)


def test_yearly_event_keeps_wall_clock_time_across_daylight_saving():
    summer = EventPage(
        start=datetime(2020, 7, 14, 21, tzinfo=PARIS), time_zone="Europe/Paris", yearly=True
    )
    winter = EventPage(
        start=datetime(2020, 1, 15, 19, tzinfo=PARIS), time_zone="Europe/Paris", yearly=True
    )
    occurrence = next_occurrence(summer, datetime(2024, 1, 1, tzinfo=PARIS))
    assert (occurrence.start.hour, occurrence.start.utcoffset().total_seconds()) == (21, 7200)
    occurrence = next_occurrence(winter, datetime(2024, 6, 1, tzinfo=PARIS))
    assert (occurrence.start.hour, occurrence.start.utcoffset().total_seconds()) == (19, 3600)


def test_one_off_event_that_is_over_has_no_next_occurrence():
    event = EventPage(start=datetime(2020, 1, 1, 9, tzinfo=HCM), time_zone="Asia/Ho_Chi_Minh")
    assert next_occurrence(event, timezone.now()) is None
    assert first_occurrence(event).end == first_occurrence(event).start


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "65th"), ("vi", "thứ 65"), ("km", "ទី65"), ("lo", "65"), ("zh-hans", "第65")],
)
def test_anniversary_ordinals(code, expected):
    from django.utils import translation

    with translation.override(code):
        assert expected in anniversary_label(65, code)


def test_time_zone_is_synchronised_not_translated():
    fields = {f.field_name: type(f) for f in get_translatable_fields(EventPage)}
    assert fields["time_zone"] is SynchronizedField
    assert fields["start"] is SynchronizedField
    assert fields["online_url"] is SynchronizedField


def test_translation_review_publishes_event(installed_models):
    source = EventPage.objects.get(slug="festival-hue-2027", locale__language_code="vi")
    khmer = translate_and_publish(source, "km")
    assert (khmer.start, khmer.end, khmer.time_zone) == (
        source.start,
        source.end,
        "Asia/Ho_Chi_Minh",
    )
    assert khmer.province_id == source.province_id
    assert khmer.get_parent().specific == index("km")
