import pytest

from tests.helpers import home

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("lo,en;q=0.5", "/lo/"),
        ("km-KH,km;q=0.9", "/km/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("vi-VN", "/vi/"),
        ("ko-KR", "/ko/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_best_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


def test_root_skips_languages_without_a_live_home_page(client):
    home("lo").unpublish()
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="lo,km;q=0.8")
    assert response["Location"] == "/km/"


def test_root_falls_back_to_english_when_only_unpublished_languages_match(client):
    home("lo").unpublish()
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="lo")
    assert response["Location"] == "/en/"


def test_language_cookie_wins_over_header(client):
    client.cookies["django_language"] = "km"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="lo")
    assert response["Location"] == "/km/"
