"""Password validators apply everywhere, including createsuperuser --noinput."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation


@pytest.mark.django_db
def test_a_weak_password_is_refused_when_creating_a_user_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "weakling",
            "email": "weakling@example.invalid",
            "first_name": "Weak",
            "last_name": "Ling",
            "password1": "password1",
            "password2": "password1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This password is too common" in html or "too short" in html
    assert not get_user_model().objects.filter(username="weakling").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("12345678901234", "entirely numeric"),
        ("short1!", "too short"),
        ("password123456", "too common"),
        ("rootadmin2024", "too similar"),
    ],
)
def test_createsuperuser_noinput_refuses_a_weak_password(monkeypatch, password, reason):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", password)
    with (
        translation.override("en"),
        pytest.raises(CommandError, match="DJANGO_SUPERUSER_PASSWORD was refused") as error,
    ):
        call_command(
            "createsuperuser",
            "--noinput",
            "--username",
            "rootadmin",
            "--email",
            "root@example.invalid",
            stdout=open("/dev/null", "w"),
        )
    assert reason in str(error.value)
    assert not get_user_model().objects.filter(username="rootadmin").exists()


@pytest.mark.django_db
def test_createsuperuser_noinput_accepts_a_strong_password(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "tam-giac-mach-9-Song-Hong")
    call_command(
        "createsuperuser",
        "--noinput",
        "--username",
        "rootadmin",
        "--email",
        "root@example.invalid",
        stdout=open("/dev/null", "w"),
    )
    user = get_user_model().objects.get(username="rootadmin")
    assert user.is_superuser
    assert user.check_password("tam-giac-mach-9-Song-Hong")
