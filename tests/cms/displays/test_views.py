"""The kiosk's page, bundle and service worker: token check, what the bundle holds."""

import json

import pytest
from django.urls import reverse

from cms.displays.models import Display

from .factories import DisplayFactory

pytestmark = pytest.mark.django_db


def urls(display, token=None):
    args = [display.slug, token or display.token]
    return {
        "kiosk": reverse("displays:kiosk", args=args),
        "bundle": reverse("displays:bundle", args=args),
        "heartbeat": reverse("displays:heartbeat", args=args),
    }


def test_the_kiosk_needs_the_displays_token(client):
    display = DisplayFactory()
    for url in urls(display, token="wrong-token").values():
        response = client.get(url) if not url.endswith("heartbeat") else client.post(url)
        assert response.status_code == 403
    other = DisplayFactory()
    assert client.get(urls(display, token=other.token)["bundle"]).status_code == 403
    page = client.get(urls(display)["kiosk"])
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "no-referrer"
    html = page.content.decode()
    assert urls(display)["bundle"] in html and "js/kiosk.js" in html
    assert "<script>" not in html and "style=" not in html  # CSP: nothing inline


def test_an_inactive_display_is_gone(client):
    display = DisplayFactory(active=False)
    assert client.get(urls(display)["kiosk"]).status_code == 403


def test_bundle_holds_live_pages_of_its_languages_and_sections(client, gate_content):
    display = DisplayFactory(languages=["vi", "zh-hans"], sections=[gate_content["section"]])
    response = client.get(urls(display)["bundle"])
    assert response.status_code == 200
    bundle = json.loads(response.content)
    shown = {(item["language"], item["title"]) for item in bundle["items"]}
    assert shown == {
        ("vi", "Ruộng bậc thang"),
        ("vi", "Chợ biên giới"),
        ("zh-hans", "梯田"),
    }  # no draft, no unreviewed translation, nothing from the other section
    assert [item["language"] for item in bundle["items"]] == ["vi", "zh-hans", "vi"]
    first = bundle["items"][0]
    assert first["id"] == f"story:{gate_content['newer'].pk}"
    assert first["summary"] == "Mùa lúa chín."
    assert first["language_label"] == "Tiếng Việt"
    assert bundle["items"][1]["language_label"] == "简体中文"
    assert bundle["seconds_per_item"] == display.seconds_per_item
    assert [language["code"] for language in bundle["languages"]] == ["vi", "zh-hans"]


def test_bundle_follows_unpublishing(client, gate_content):
    display = DisplayFactory(languages=["zh-hans"], sections=[gate_content["section"]])
    assert len(json.loads(client.get(urls(display)["bundle"]).content)["items"]) == 1
    gate_content["zh_newer"].unpublish()
    assert json.loads(client.get(urls(display)["bundle"]).content)["items"] == []


def test_demo_gallery_photos_come_with_images(client):
    display = Display.objects.get(slug="lao-cai")
    bundle = json.loads(client.get(urls(display)["bundle"]).content)
    kinds = {item["kind"] for item in bundle["items"]}
    assert kinds == {"story", "photo"}
    assert {item["language"] for item in bundle["items"]} == {"vi", "zh-hans"}
    photo = next(item for item in bundle["items"] if item["kind"] == "photo")
    assert photo["image"]["url"].startswith("http://testserver/media/")


def test_service_worker_scope_covers_the_kiosks(client):
    response = client.get(reverse("displays:service_worker"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/displays/"
    assert b'addEventListener("fetch"' in response.content
