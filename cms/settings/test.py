import tempfile

from .base import *  # noqa: F403
from .base import os

SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="vnip-test-media-"))  # noqa: F405
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="vnip-test-static-"))  # noqa: F405
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("TASKS_BACKEND") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
MT_MODELS_DIR = Path(tempfile.mkdtemp(prefix="vnip-test-mt-"))  # noqa: F405
AGGREGATOR_ALLOWED_NETWORKS = ["127.0.0.0/8"]
AGGREGATOR_HOST_DELAY = 0
AGGREGATOR_CONCURRENCY = 1
AGGREGATOR_CONNECT_TIMEOUT = 2
AGGREGATOR_READ_TIMEOUT = 2
AGGREGATOR_TOTAL_TIMEOUT = 5
AGGREGATOR_MAX_BYTES = 1024 * 1024
# A file, not memory: the fault tests run a real worker process against the test database.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="vnip-test-db-")) / "test.sqlite3")  # noqa: F405
    }
# Two-factor authentication is tested where it is switched on (override_settings);
# login throttling stays on.
OTP_REQUIRED = False
# Every session loads the demo: three province pages in every language, not all 34 (each
# goes through draft, post-edit and review in nine languages).
DEMO_PROVINCE_EDITIONS = 3
AXES_ENABLED = True
# Tests change pages without publishing them; the page cache's own tests switch it on.
PAGE_CACHE_TIMEOUT = 0
PAGE_FRAGMENT_TIMEOUT = 0
