"""Django's createsuperuser, which also applies the password validators with --noinput.

Django checks AUTH_PASSWORD_VALIDATORS only when it asks for the password interactively;
DJANGO_SUPERUSER_PASSWORD is taken as is. Here a weak one is refused with the reasons.
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands import createsuperuser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _


class Command(createsuperuser.Command):
    def handle(self, *args, **options):
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"] and password:
            user_model = get_user_model()
            fields = {
                name: options.get(name) or os.environ.get(f"DJANGO_SUPERUSER_{name.upper()}")
                for name in (user_model.USERNAME_FIELD, *user_model.REQUIRED_FIELDS)
            }
            candidate = user_model(**{k: v for k, v in fields.items() if v})
            try:
                validate_password(password, candidate)
            except ValidationError as error:
                raise CommandError(
                    _("DJANGO_SUPERUSER_PASSWORD was refused: %(reasons)s")
                    % {"reasons": " ".join(error.messages)}
                ) from None
        return super().handle(*args, **options)
