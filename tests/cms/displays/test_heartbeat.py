"""Heartbeats: token-checked, counts stored per display, day, language and item, bad
input refused with 400, too many heartbeats refused with 429 and nothing lost."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.displays.heartbeat import record
from cms.displays.models import HeartbeatSlot, ItemShown

from .factories import DisplayFactory

pytestmark = pytest.mark.django_db


def post(client, display, payload, token=None):
    url = reverse("displays:heartbeat", args=[display.slug, token or display.token])
    body = payload if isinstance(payload, bytes | str) else json.dumps(payload)
    return client.post(url, body, content_type="application/json")


def counts(*entries):
    return {"counts": [{"item": item, "language": lang, "count": n} for item, lang, n in entries]}


def test_heartbeat_stores_counts_and_the_time(client, gate_content):
    display = DisplayFactory(languages=["vi", "zh-hans"], sections=[gate_content["section"]])
    newer, zh = gate_content["newer"], gate_content["zh_newer"]
    response = post(
        client,
        display,
        counts((f"story:{newer.pk}", "vi", 3), (f"story:{zh.pk}", "zh-hans", 2)),
    )
    assert response.status_code == 200, response.content
    assert response.json()["stored"] == 2
    display.refresh_from_db()
    assert display.last_heartbeat_at is not None and display.is_online()
    assert HeartbeatSlot.objects.filter(display=display).count() == 1
    rows = {
        (row.language_code, row.page_id): row.count
        for row in ItemShown.objects.filter(display=display, day=timezone.localdate())
    }
    assert rows == {("vi", newer.pk): 3, ("zh-hans", zh.pk): 2}


def test_counts_add_up_over_heartbeats(gate_content):
    display = DisplayFactory(languages=["vi"], heartbeat_seconds=60)
    item = f"story:{gate_content['newer'].pk}"
    start = timezone.now()
    record(display.pk, _parsed(display, (item, "vi", 4)), now=start)
    record(display.pk, _parsed(display, (item, "vi", 5)), now=start + timedelta(seconds=61))
    row = ItemShown.objects.get(display=display, item_key=item)
    assert row.count == 9
    assert HeartbeatSlot.objects.filter(display=display).count() == 2


def _parsed(display, *entries):
    from cms.displays.heartbeat import parse

    return parse(json.dumps(counts(*entries)).encode(), display.language_codes())


def test_a_page_in_another_language_or_gone_is_skipped(client, gate_content):
    display = DisplayFactory(languages=["vi", "zh-hans"])
    zh = gate_content["zh_newer"]
    response = post(
        client,
        display,
        counts(
            (f"story:{zh.pk}", "vi", 1),
            ("story:999999999", "vi", 1),
            (f"story:{zh.pk}", "zh-hans", 1),
        ),
    )
    assert response.status_code == 200
    assert response.json() == {"stored": 1, "skipped": 2, "next": display.heartbeat_seconds}
    assert ItemShown.objects.filter(display=display).count() == 1


def test_the_heartbeat_needs_the_token(client):
    display = DisplayFactory()
    assert post(client, display, counts(), token="not-the-token").status_code == 403
    display.refresh_from_db()
    assert display.last_heartbeat_at is None


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\xff\xfe",
        b"[1, 2]",
        {"counts": "many"},
        {"counts": [1]},
        counts(("story:abc", "vi", 1)),
        counts(("photo:12", "vi", 1)),
        counts(("story:12:3", "vi", 1)),
        counts(("story:12", "fr", 1)),
        counts(("story:12", "vi", 0)),
        counts(("story:12", "vi", -5)),
        counts(("story:12", "vi", True)),
        counts(("story:12", "vi", "3")),
        counts(("story:12", "vi", 10**12)),
        {"counts": [{"item": None, "language": ["vi"], "count": 1.5}]},
        {"counts": [{"item": "story:1", "language": "vi", "count": 1}] * 501},
        b"{" + b" " * 70_000 + b"}",
    ],
)
def test_bad_heartbeats_get_400_and_store_nothing(client, body):
    display = DisplayFactory(languages=["vi", "zh-hans"])
    response = post(client, display, body)
    assert response.status_code == 400
    assert response.json()["error"]
    display.refresh_from_db()
    assert display.last_heartbeat_at is None
    assert not ItemShown.objects.filter(display=display).exists()


def test_get_is_not_a_heartbeat(client):
    display = DisplayFactory()
    url = reverse("displays:heartbeat", args=[display.slug, display.token])
    assert client.get(url).status_code == 405


def test_heartbeats_too_close_together_get_429_and_lose_nothing(client, gate_content):
    display = DisplayFactory(languages=["vi"], heartbeat_seconds=60)
    item = f"story:{gate_content['newer'].pk}"
    assert post(client, display, counts((item, "vi", 2))).status_code == 200
    early = post(client, display, counts((item, "vi", 7)))
    assert early.status_code == 429
    assert int(early["Retry-After"]) >= 1
    assert ItemShown.objects.get(display=display).count == 2  # the kiosk sends the 7 again
    display.refresh_from_db()
    display.last_heartbeat_at -= timedelta(seconds=31)
    display.save()
    assert post(client, display, counts((item, "vi", 7))).status_code == 200
    assert ItemShown.objects.get(display=display).count == 9
