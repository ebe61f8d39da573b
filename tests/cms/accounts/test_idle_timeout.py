"""Sessions end after SESSION_IDLE_TIMEOUT without a request; the cookie lasts
SESSION_COOKIE_AGE (8 hours by default)."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

from cms.accounts.middleware import ACTIVITY_KEY


def set_last_activity(client, seconds_ago: int):
    session = client.session
    session[ACTIVITY_KEY] = int(time.time()) - seconds_ago
    session.save()


@pytest.mark.django_db
def test_an_idle_admin_session_is_signed_out(admin_client):
    assert admin_client.get("/admin/").status_code == 200
    set_last_activity(admin_client, settings.SESSION_IDLE_TIMEOUT + 5)
    response = admin_client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in admin_client.session


@pytest.mark.django_db
def test_an_active_session_stays(admin_client):
    admin_client.get("/admin/")
    set_last_activity(admin_client, settings.SESSION_IDLE_TIMEOUT - 60)
    assert admin_client.get("/admin/pages/").status_code == 200
    assert admin_client.session[ACTIVITY_KEY] >= int(time.time()) - 5


def test_session_lifetime_is_short_for_the_admin():
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
