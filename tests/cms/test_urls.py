"""Every language's URLs, and pages that must not be found."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_language_home_page(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}">' in response.content.decode()


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/vi/tourism/ha-long-bay/", "Vịnh Hạ Long"),
        ("/en/tourism/ha-long-bay/", "Ha Long Bay"),
        ("/zh-hans/tourism/ha-long-bay/", "下龙湾"),
        ("/lo/tourism/ha-long-bay/", "ອ່າວຮ່າລອງ"),
        ("/km/tourism/ha-long-bay/", "ឈូងសមុទ្រហាឡុង"),
        ("/km/culture/tet-lunar-new-year/", "បុណ្យតេត"),
        ("/en/economy/", "Vietnamese coffee reaches the world"),
        ("/en/tourism/landscapes/", "Landscapes of Vietnam"),
        ("/en/provinces/", "Hanoi"),
        ("/en/provinces/quang-tri/", "Quang Binh"),
        ("/vi/provinces/quang-tri/", "Quảng Bình"),
    ],
)
def test_pages_render_their_language(client, url, text):
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_a_story_without_a_lao_translation_is_not_found_in_lao(client):
    assert client.get("/lo/economy/coffee-exports/").status_code == 404


def test_an_unpublished_story_is_not_served(client):
    from tests.helpers import story

    story("hue-monuments", "en").unpublish()
    assert client.get("/en/culture/hue-monuments/").status_code == 404


def test_lao_interface_strings_are_translated(client):
    content = client.get("/lo/").content.decode()
    assert "ພາສາ" in content  # "Language"


def test_province_page_shows_border_and_portal(client):
    content = client.get("/en/provinces/dien-bien/").content.decode()
    assert "China, Laos" in content
    assert "https://dienbien.gov.vn/" in content
