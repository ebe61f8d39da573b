"""Every public page type carries a strict Content-Security-Policy (no inline code), the
admin its own policy, and every response the other security headers and a request id."""

import pytest
from django.conf import settings

from tests.cms.core.public_pages import public_page_urls


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in filter(None, (p.strip() for p in header.split(";"))):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.django_db
def test_every_public_page_type_has_a_strict_policy(client):
    for name, path in public_page_urls().items():
        response = client.get(path)
        assert response.status_code == 200, name
        policy = directives(response["Content-Security-Policy"])
        for directive in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in policy[directive], (name, policy)
            assert "'unsafe-eval'" not in policy[directive], (name, policy)
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]
        # Nothing inline in the page that such a policy would block.
        html = response.content.decode()
        assert " style=" not in html, name
        assert "<style" not in html, name
        assert "<script>" not in html, name


@pytest.mark.django_db
def test_security_headers_on_a_public_page(client):
    response = client.get(public_page_urls()["StoryPage"])
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    # our own <video> and a provider's player framed after the reader's click
    assert (
        'fullscreen=(self "https://www.youtube.com" "https://www.youtube-nocookie.com"'
        in (response["Permissions-Policy"])
    )
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_session_and_csrf_cookies_are_same_site():
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_COOKIE_HTTPONLY
