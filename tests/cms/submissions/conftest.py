import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings, tmp_path):
    """Each test starts with no rate-limit counts and its own folder for photos."""
    cache.clear()
    settings.SUBMISSIONS_UPLOAD_DIR = tmp_path / "submissions"
    yield
    cache.clear()
