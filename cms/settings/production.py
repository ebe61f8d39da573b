"""Production: behind a TLS-terminating proxy (nginx, see README), PostgreSQL from
DATABASE_URL, Redis from REDIS_URL, media on the filesystem or S3. `python manage.py check
--deploy` passes without a warning given a proper SECRET_KEY and ALLOWED_HOSTS."""

import importlib.util
import os

from django.core.exceptions import ImproperlyConfigured

from . import deploy
from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, DATABASES, LOGGING, SECRET_KEY, STORAGES

INSECURE_KEY_MARKERS = ("insecure", "change-me", "changeme", "dev-only", "example")
MINIMUM_KEY_LENGTH = 50  # what Django's own deployment check asks for

if (
    len(SECRET_KEY) < MINIMUM_KEY_LENGTH
    or len(set(SECRET_KEY)) < 5
    or any(marker in SECRET_KEY.lower() for marker in INSECURE_KEY_MARKERS)
):
    raise ImproperlyConfigured(
        f"SECRET_KEY must be set in the environment to a random value of at least "
        f"{MINIMUM_KEY_LENGTH} characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

DEBUG = False

# Transport security: the proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = deploy.env_bool(os.environ, "SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]  # probes from inside the network
SECURE_HSTS_SECONDS = deploy.env_int(os.environ, "SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = deploy.env_bool(os.environ, "SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = deploy.env_bool(os.environ, "SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
TRUSTED_PROXY_COUNT = deploy.env_int(os.environ, "TRUSTED_PROXY_COUNT", 1)
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

# Persistent database connections, checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = deploy.env_int(os.environ, "DB_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

if STORAGES["default"]["BACKEND"].startswith("storages.") and not importlib.util.find_spec("boto3"):
    raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs the boto3 package installed.")

# Never print mail (password-reset links) into the logs: SMTP, localhost:25 by default.
globals().update(deploy.email(os.environ, "django.core.mail.backends.smtp.EmailBackend"))

LOG_FORMAT = deploy.env_choice(os.environ, "LOG_FORMAT", ("text", "json"), "json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT
