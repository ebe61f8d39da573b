import pytest
from django.core.cache import cache
from django.test import override_settings

from .smtp import SMTPServer


@pytest.fixture(autouse=True)
def fresh_limits():
    """Rate-limit counters live in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def smtp():
    """A local SMTP server, and Django's SMTP backend pointed at it."""
    with SMTPServer() as server:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=server.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            DEFAULT_FROM_EMAIL="Vietnam <news@example.org>",
            WAGTAILADMIN_BASE_URL="https://vietnam.example",
            NEWSLETTER_BATCH_PAUSE=0,
        ):
            yield server
