"""The displays' admin: editors and administrators only; it shows each display's state
and how many items it showed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.core.roles import ADMINISTRATORS, EDITORS, reviewers_group_name
from cms.displays.models import Display, ItemShown
from tests.factories import UserFactory
from tests.helpers import locale, section

from .factories import DisplayFactory

pytestmark = pytest.mark.django_db


def row_of(html: str, name: str) -> str:
    start = html.index(name)
    return html[start : html.index("</tr>", start)]


def test_editors_see_state_and_counts(client):
    online = DisplayFactory(name="Cổng A", last_heartbeat_at=timezone.now())
    DisplayFactory(name="Cổng B", last_heartbeat_at=timezone.now() - timedelta(hours=2))
    ItemShown.objects.create(
        display=online, day=timezone.localdate(), language_code="vi", item_key="story:1", count=7
    )
    ItemShown.objects.create(
        display=online,
        day=timezone.localdate() - timedelta(days=3),
        language_code="zh-hans",
        item_key="story:2",
        count=5,
    )
    client.force_login(UserFactory(groups=[EDITORS]))
    html = client.get("/admin/displays/").content.decode()
    first = row_of(html, "Cổng A")
    cells = "".join(first.split())
    assert "online" in first and ">7<" in cells and ">12<" in cells
    assert online.get_absolute_url() in first
    second = row_of(html, "Cổng B")
    assert "offline" in second and "2\xa0hours" in second


def test_an_administrator_creates_a_display_with_a_secret_key(client):
    client.force_login(UserFactory(groups=[ADMINISTRATORS]))
    form = {
        "name": "Cửa khẩu Hữu Nghị",
        "slug": "huu-nghi",
        "languages": [],
        "sections": [section("tourism").pk],
        "seconds_per_item": 10,
        "items_per_language": 8,
        "heartbeat_seconds": 60,
        "active": "on",
    }
    assert client.post("/admin/displays/new/", form).status_code == 200  # no language
    assert not Display.objects.filter(slug="huu-nghi").exists()
    codes = ["vi", "zh-hans"]
    form["languages"] = [locale("vi").pk, locale("zh-hans").pk]
    assert client.post("/admin/displays/new/", form).status_code == 302
    display = Display.objects.get(slug="huu-nghi")
    assert len(display.token) >= 32
    assert display.language_codes() == codes


def test_reviewers_cannot_manage_displays(client):
    client.force_login(UserFactory(groups=[reviewers_group_name("zh-hans")]))
    response = client.get("/admin/displays/")
    assert response.status_code in (302, 403)
    assert client.get("/admin/displays/new/").status_code in (302, 403)
