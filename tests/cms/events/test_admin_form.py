"""The event editor in Wagtail's admin: times are typed on the event zone's clocks."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.events.models import EventIndexPage
from tests.cms.events.factories import EventPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def edit_form(client, page):
    """The edit form's fields as the browser would send them (the body, drawn by script,
    empty)."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").copy()
    data.update(nested_form_data({"body": streamfield([])}))
    data["action-publish"] = "action-publish"
    return url, data


def test_editor_sees_and_types_times_in_the_events_zone(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = EventPageFactory(
        parent=EventIndexPage.objects.get(locale__language_code="vi"),
        title="Sự kiện ở Paris",
        slug="paris-admin",
        start=datetime(2030, 5, 1, 9, 0, tzinfo=PARIS),
        end=datetime(2030, 5, 1, 17, 0, tzinfo=PARIS),
        time_zone="Europe/Paris",
    )
    url, data = edit_form(client, page)
    assert data["start"] == "2030-05-01 09:00", "shown on Paris clocks, not Hanoi's (14:00)"
    data["time_zone"] = "America/New_York"
    data["start"] = "2030-05-01 10:00"
    data["end"] = "2030-05-01 12:00"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    new_york = ZoneInfo("America/New_York")
    assert page.start == datetime(2030, 5, 1, 10, 0, tzinfo=new_york)
    assert page.end == datetime(2030, 5, 1, 12, 0, tzinfo=new_york)


def test_unknown_time_zone_is_refused_with_a_message(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = EventPageFactory(
        parent=EventIndexPage.objects.get(locale__language_code="en"), slug="bad-zone"
    )
    url, data = edit_form(client, page)
    data["time_zone"] = "Mars/Olympus"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "is not a time zone name" in response.content.decode()
    page.refresh_from_db()
    assert page.time_zone == "Asia/Ho_Chi_Minh"
