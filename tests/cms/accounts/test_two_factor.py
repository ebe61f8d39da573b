"""Two-factor authentication (TOTP) for the admin: required for superusers and the groups
in OTP_REQUIRED_GROUPS, set up with a QR code, verified once per session."""

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("otp_on")]


@pytest.fixture
def otp_on():
    # No pause after a wrong code, except in the throttling test.
    with override_settings(OTP_REQUIRED=True, OTP_TOTP_THROTTLE_FACTOR=0):
        yield


def token_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows, computed from the device's key."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def signed_in_client(client, **fields):
    user = UserFactory(**fields)
    client.force_login(user)
    return user


def test_an_administrator_is_sent_to_setup_then_verified_with_a_code(client):
    user = signed_in_client(client, is_superuser=True)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    setup_url = urlsplit(response["Location"])
    assert setup_url.path == reverse("accounts:otp_setup")
    assert setup_url.query == "next=%2Fadmin%2Fpages%2F"

    page = client.get(response["Location"])
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "<code>" in html

    other = f"{(int(token_for(device)) + 1) % 1_000_000:06d}"
    wrong = client.post(setup_url.path, {"token": other, "next": "/admin/pages/"})
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    done = client.post(setup_url.path, {"token": token_for(device), "next": "/admin/pages/"})
    assert done.status_code == 302
    assert done["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_new_session_must_verify_with_the_device(client):
    user = signed_in_client(client, is_superuser=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    response = client.get("/admin/")
    assert urlsplit(response["Location"]).path == reverse("accounts:otp_verify")
    assert client.get(reverse("accounts:otp_setup"))["Location"].startswith(
        reverse("accounts:otp_verify")
    )

    wrong = client.post(reverse("accounts:otp_verify"), {"token": "12ab"})
    assert "Enter the six digits" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    ok = client.post(
        reverse("accounts:otp_verify"), {"token": token_for(device), "next": "/admin/"}
    )
    assert ok["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # The same code cannot be used twice (a new session, same 30-second step).
    client.logout()
    client.force_login(user)
    again = client.post(reverse("accounts:otp_verify"), {"token": token_for(device)})
    assert "That code is not right" in again.content.decode()
    later = client.post(reverse("accounts:otp_verify"), {"token": token_for(device, 1)})
    assert later.status_code == 302


@override_settings(OTP_TOTP_THROTTLE_FACTOR=600)
def test_wrong_codes_slow_down_further_tries(client):
    user = signed_in_client(client, is_superuser=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    wrong = f"{(int(token_for(device)) + 1) % 1_000_000:06d}"
    client.post(reverse("accounts:otp_verify"), {"token": wrong})
    response = client.post(reverse("accounts:otp_verify"), {"token": token_for(device)})
    assert "Too many wrong codes" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_reviewers_must_use_a_second_factor_translators_need_not(client):
    signed_in_client(client, groups=["Reviewers (lo)"])
    assert Group.objects.filter(name="Reviewers (lo)").exists()
    assert client.get("/admin/")["Location"].startswith(reverse("accounts:otp_setup"))
    client.logout()
    signed_in_client(client, groups=["Translators (lo)"])
    assert client.get("/admin/").status_code == 200


def test_an_offsite_next_is_ignored(client):
    user = signed_in_client(client, is_superuser=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    response = client.post(
        reverse("accounts:otp_verify"),
        {"token": token_for(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_django_admin_is_covered_too(client):
    signed_in_client(client, is_superuser=True, is_staff=True)
    response = client.get("/django-admin/")
    assert response["Location"].startswith(reverse("accounts:otp_setup"))


@override_settings(OTP_REQUIRED=False)
def test_switched_off_nobody_is_asked(client):
    signed_in_client(client, is_superuser=True)
    assert client.get("/admin/").status_code == 200
