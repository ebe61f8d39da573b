from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY

INSECURE_KEY_MARKERS = ("insecure", "change-me", "changeme", "dev-only")

if len(SECRET_KEY) < 32 or any(marker in SECRET_KEY.lower() for marker in INSECURE_KEY_MARKERS):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment to a random value of at least 32 "
        "characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
