"""Settings shared by every environment. Deployment-specific values come from the
environment: DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, REDIS_URL, MEDIA_ROOT (see README).
Security settings live in security.py, environment parsing in deploy.py."""

import os
from pathlib import Path

import dj_database_url

from . import deploy
from .languages import (
    CONTENT_LANGUAGES,
    FALLBACK_LANGUAGE,
    SOURCE_LANGUAGE,
    parse_extra_languages,
)
from .security import *  # noqa: F403

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.accounts",
    "cms.demo",
    "cms.core",
    "cms.taxonomy",
    "cms.home",
    "cms.stories",
    "cms.galleries",
    "cms.provinces",
    "cms.aggregator",
    "cms.search",
    "cms.ops",
    "cms.people",
    "cms.events",
    "cms.press",
    "cms.clarifications",
    "cms.submissions",
    "cms.newsletters",
    "cms.social",
    "cms.displays",
    "cms.measurement",
    "cms.catalogue",
    "cms.syndication",
    "translations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "wagtail.api.v2",
    "rest_framework",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "cms.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.core.page_cache.PageCacheMiddleware",  # whole pages for anonymous readers
    "cms.core.middleware.PermissionsPolicyMiddleware",
    "cms.core.csp.SiteCSPMiddleware",
    "cms.core.db_router.ReplicaRoutingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "cms.measurement.counter.PageViewMiddleware",  # aggregate page views, no personal data
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.accounts.middleware.IdleTimeoutMiddleware",
    "cms.accounts.middleware.OTPRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.home.fallback.TranslationFallbackMiddleware",  # 404 in one language: other languages
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "translations.middleware.RefusalAuditMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
# An optional read replica serves anonymous public GETs (cms.core.db_router).
if replica := deploy.replica_database(os.environ, DATABASES["default"]["CONN_MAX_AGE"]):
    DATABASES["replica"] = replica
DATABASE_ROUTERS = ["cms.core.db_router.PublicReadReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Cache and sessions shared by every web process and worker.
    CACHES = deploy.redis_caches(REDIS_URL)
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    SESSION_CACHE_ALIAS = "sessions"
else:
    # Without Redis the page cache lives in files: the site and its worker (which ingests
    # news and publishes scheduled pages, emptying the page cache) must share it.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }

# E-mail: EMAIL_URL or EMAIL_HOST...; without either, messages go to the console.
globals().update(deploy.email(os.environ, "django.core.mail.backends.console.EmailBackend"))

# Languages -----------------------------------------------------------------------------
LANGUAGE_CODE = SOURCE_LANGUAGE
SITE_FALLBACK_LANGUAGE = FALLBACK_LANGUAGE
LANGUAGES = CONTENT_LANGUAGES + parse_extra_languages(os.environ.get("EXTRA_LANGUAGES", ""))
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Wagtail's admin has no Lao or Khmer catalogue: the admin stays in the languages it has.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("en", "English"),
    ("vi", "Tiếng Việt"),
    ("zh-hans", "简体中文"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
    ("ja", "日本語"),
    ("ko", "한국어"),
]

# Static and media ----------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": deploy.media_storage(os.environ),  # MEDIA_STORAGE=filesystem or s3
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
for _directive in ("img-src", "media-src"):  # pictures, and videos with their captions
    CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += deploy.media_origins(  # noqa: F405
        STORAGES["default"], MEDIA_URL
    )

# Background work -----------------------------------------------------------------------
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "rq": "django_tasks_rq.RQBackend",
        }[TASKS_BACKEND]
    }
}
# TASKS_BACKEND=rq: jobs go to Redis (RQ_URL, else REDIS_URL); `manage.py rqworker` runs them.
RQ_QUEUES = {
    "default": {"URL": os.environ.get("RQ_URL") or REDIS_URL or "redis://127.0.0.1:6379/0"}
}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")

# Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Vietnam"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Purge a CDN or Varnish on publish: FRONTEND_CACHE_URL, FRONTEND_CACHE_CLOUDFLARE_*.
WAGTAILFRONTENDCACHE = deploy.frontend_cache(os.environ)
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "webp": "webp"}
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "translations.machine_translator.OfflineMachineTranslator",
    "OPTIONS": {},
}

WAGTAIL_ALLOW_UNICODE_SLUGS = False

# App settings --------------------------------------------------------------------------
# The aggregator, search, translations and ops keep their settings, defaults and
# environment variables in their own conf.py (cms.core.conf): set one here, or in the
# environment, only to change its default. `manage.py settings_table` lists them all.

# LOG_FORMAT=json writes one JSON object per line with the request id (production default).
LOG_FORMAT = deploy.env_choice(os.environ, "LOG_FORMAT", ("text", "json"), "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "cms.core.logging.RequestIdFilter"},
        # Per-job lines of the task workers (which reset these loggers' levels to INFO).
        "tasks_level": {
            "()": "cms.core.log_levels.MinimumLevelFilter",
            "level": os.environ.get("TASKS_LOG_LEVEL", "WARNING"),
        },
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {"()": "cms.core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django_tasks": {
            "level": os.environ.get("TASKS_LOG_LEVEL", "WARNING"),
            "filters": ["tasks_level"],
        },
        "django_tasks_db": {
            "level": os.environ.get("TASKS_LOG_LEVEL", "WARNING"),
            "filters": ["tasks_level"],
        },
    },
}
