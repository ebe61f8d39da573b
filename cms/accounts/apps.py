from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-in hardening for the admin: two-factor authentication (django-otp), the idle
    timeout, the lockout page of login throttling (django-axes) and password checks."""

    name = "cms.accounts"
    label = "accounts"
