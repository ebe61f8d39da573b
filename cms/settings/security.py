"""Security settings shared by every environment (imported by base.py): content security
policy, headers, login throttling, two-factor authentication, passwords, sessions and
upload limits. Production tightens transport security in production.py."""

import os
import warnings
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from PIL import Image

from .deploy import env_bool, env_int

# Paths of the two admin sites: they get the admin CSP, 2FA and never the read replica.
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")

# Content-Security-Policy (django-csp 4) -------------------------------------------------
# Public pages: nothing inline; a script that must be inline carries the request's nonce
# ({{ request.csp_nonce }}). The admin policy (below) replaces it under ADMIN_PATH_PREFIXES.
# Video players framed after the reader clicks a facade (cms.core.embeds); a provider's
# video whose player is elsewhere shows as a link.
EMBED_FRAME_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [*EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin writes inline scripts and style attributes (widgets, panels, Draftail),
# so its policy allows inline code but still no other host for scripts and styles.
CSP_ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "media-src": [SELF, "blob:"],
    "frame-src": [SELF, "https:"],  # previews of embedded videos
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# No browser feature the site does not use (cms.core.middleware.PermissionsPolicyMiddleware);
# full screen for our own video player and for the players framed after a click.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), "
    "fullscreen=(self " + " ".join(f'"{origin}"' for origin in EMBED_FRAME_ORIGINS) + ")"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views opt in to SAMEORIGIN themselves
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Avatars from gravatar.com would be a request to another host from the admin...
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# ...and so would the admin's check for new Wagtail releases.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Login throttling (django-axes) ---------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool(os.environ, "AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int(os.environ, "AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int(os.environ, "AXES_COOLOFF_MINUTES", 30))
# Locked per account (wherever the attempts come from) and per address (many accounts
# tried from one place); an administrator unlocks with `axes_reset_username` or the
# "Access attempts" list of /django-admin/.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "cms.accounts.client_ip.client_ip"
# Proxies in front of the site that append to X-Forwarded-For (production: nginx, 1).
TRUSTED_PROXY_COUNT = env_int(os.environ, "TRUSTED_PROXY_COUNT", 0)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_VERBOSE = False

LOGIN_URL = "wagtailadmin_login"

# Two-factor authentication (django-otp, TOTP) -------------------------------------------
# Superusers always; members of these groups too ("*" matches any language code).
OTP_REQUIRED = env_bool(os.environ, "OTP_REQUIRED", True)
OTP_REQUIRED_GROUPS = [
    name.strip()
    for name in os.environ.get("OTP_REQUIRED_GROUPS", "Administrators,Reviewers (*)").split(",")
    if name.strip()
]
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Vietnam CMS")

# Passwords and sessions -----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int(os.environ, "PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = env_int(os.environ, "SESSION_COOKIE_AGE", 8 * 3600)
# Signed-in users are signed out after this many seconds without a request
# (cms.accounts.middleware.IdleTimeoutMiddleware); 0 turns it off.
SESSION_IDLE_TIMEOUT = env_int(os.environ, "SESSION_IDLE_TIMEOUT", 30 * 60)

# Uploads ---------------------------------------------------------------------------------
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int(os.environ, "IMAGE_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int(os.environ, "IMAGE_MAX_MEGAPIXELS", 40) * 1_000_000
# Pillow then refuses to decode anything larger (its warning above the limit is made an
# error); Wagtail's image field turns it into a form error before anything is decoded.
Image.MAX_IMAGE_PIXELS = WAGTAILIMAGES_MAX_IMAGE_PIXELS
warnings.simplefilter("error", Image.DecompressionBombWarning)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # form fields, e.g. a long page's JSON
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # larger files are streamed to a temp file
