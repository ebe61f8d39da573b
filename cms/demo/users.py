"""Demo accounts, one per role, for trying the site locally. Refused unless DEBUG is on."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from cms.core.roles import (
    ADMINISTRATORS,
    EDITORS,
    MODERATORS,
    reviewers_group_name,
    translators_group_name,
)

DEMO_PASSWORD = "demo-password"


def demo_accounts() -> dict[str, str]:
    accounts = {"admin": ADMINISTRATORS, "editor": EDITORS, "moderator": MODERATORS}
    for code in ("en", "zh-hans", "lo", "km", "fr", "ru", "es", "ja", "ko"):
        accounts[f"translator-{code}"] = translators_group_name(code)
        accounts[f"reviewer-{code}"] = reviewers_group_name(code)
    return accounts


def create_demo_users() -> list[str]:
    if not settings.DEBUG:
        raise ImproperlyConfigured("Demo accounts are only created when DEBUG is on.")
    User = get_user_model()
    created = []
    for username, group_name in demo_accounts().items():
        user, was_created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.invalid"}
        )
        # The demo editions create translators and reviewers without a password.
        if was_created or not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = username == "admin"
            user.is_staff = username == "admin"
            user.save()
            created.append(username)
        group, _ = Group.objects.get_or_create(name=group_name)
        user.groups.add(group)
    return created
