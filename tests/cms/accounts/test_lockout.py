"""Login throttling (django-axes) on Wagtail's sign-in: ten wrong passwords lock the
account, after which even the right password is refused until an administrator unlocks it
or the cool-off ends."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    user = UserFactory(username="locked-editor", is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, password: str, username: str = "locked-editor"):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def lock_out(client):
    for _ in range(10):
        response = sign_in(client, "wrong password")
        assert response.status_code in (200, 429)
        assert not signed_in(client)


def test_ten_failures_lock_the_account_and_the_right_password_is_refused(client, editor):
    for attempt in range(9):
        assert sign_in(client, f"wrong {attempt}").status_code == 200
    assert AccessAttempt.objects.get(username="locked-editor").failures_since_start == 9
    locked = sign_in(client, "wrong again")
    assert locked.status_code == 429
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "Account locked" in response.content.decode()
    assert "10 failed sign-in attempts" in response.content.decode()
    assert "Try again in 30 minutes" in response.content.decode()
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, editor):
    for _ in range(5):
        sign_in(client, "wrong password")
    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)
    assert not AccessAttempt.objects.filter(username="locked-editor").exists()


def test_axes_reset_username_unlocks(client, editor):
    lock_out(client)
    assert sign_in(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "locked-editor", stdout=open("/dev/null", "w"))
    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_administrator_unlocks_from_the_admin(client, admin_client, editor):
    lock_out(client)
    attempt = AccessAttempt.objects.get(username="locked-editor")
    page = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert "locked-editor" in page.content.decode()
    response = admin_client.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="locked-editor").exists()
    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_other_accounts_are_not_locked_by_one_account(client, editor):
    other = UserFactory(username="other-editor", is_superuser=True)
    other.set_password(PASSWORD)
    other.save()
    for _ in range(10):
        sign_in(client, "wrong password")
    assert sign_in(client, PASSWORD, username="locked-editor").status_code == 429
    # Another address signs in to another account (per-address locking is separate).
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "other-editor", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 302
