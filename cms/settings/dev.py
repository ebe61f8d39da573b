from .base import *  # noqa: F403
from .base import os
from .deploy import env_bool

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The demo accounts sign in with a password only, unless OTP_REQUIRED=1.
OTP_REQUIRED = env_bool(os.environ, "OTP_REQUIRED", False)
