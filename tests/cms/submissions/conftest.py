import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings, tmp_path):
    """Each test starts with no rate-limit counts and its own folder for photos."""
    cache.clear()
    settings.SUBMISSIONS_UPLOAD_DIR = tmp_path / "submissions"
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def mail_to_the_outbox(settings):
    """Mail goes to Django's outbox here, whatever an earlier test left configured."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
