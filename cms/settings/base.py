"""Settings shared by every environment. Deployment-specific values come from the
environment: DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, REDIS_URL, MEDIA_ROOT."""

import os
from pathlib import Path

import dj_database_url

from .languages import (
    CONTENT_LANGUAGES,
    FALLBACK_LANGUAGE,
    SOURCE_LANGUAGE,
    TAXONOMY_LANGUAGES,
    parse_extra_languages,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.core",
    "cms.taxonomy",
    "cms.home",
    "cms.stories",
    "cms.galleries",
    "cms.provinces",
    "cms.aggregator",
    "cms.search",
    "cms.ops",
    "translations",
    "modeltranslation",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "vnip",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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

MODELTRANSLATION_DEFAULT_LANGUAGE = SOURCE_LANGUAGE
MODELTRANSLATION_LANGUAGES = TAXONOMY_LANGUAGES
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": (FALLBACK_LANGUAGE, SOURCE_LANGUAGE)}

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
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

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
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "webp": "webp"}
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "translations.machine_translator.OfflineMachineTranslator",
    "OPTIONS": {},
}

# Aggregator ----------------------------------------------------------------------------
AGGREGATOR_CONNECT_TIMEOUT = float(os.environ.get("AGGREGATOR_CONNECT_TIMEOUT", "5"))
AGGREGATOR_READ_TIMEOUT = float(os.environ.get("AGGREGATOR_READ_TIMEOUT", "15"))
AGGREGATOR_TOTAL_TIMEOUT = float(os.environ.get("AGGREGATOR_TOTAL_TIMEOUT", "60"))
AGGREGATOR_MAX_BYTES = int(os.environ.get("AGGREGATOR_MAX_BYTES", str(5 * 1024 * 1024)))
AGGREGATOR_MAX_REDIRECTS = 3
AGGREGATOR_HOST_DELAY = float(os.environ.get("AGGREGATOR_HOST_DELAY", "2"))
AGGREGATOR_CONCURRENCY = int(
    os.environ.get(
        "AGGREGATOR_CONCURRENCY", "1" if DATABASES["default"]["ENGINE"].endswith("sqlite3") else "8"
    )
)
AGGREGATOR_BACKOFF_BASE = 300
AGGREGATOR_BACKOFF_CAP = 86400
AGGREGATOR_TICK = 60
# Networks fetched even though they are private (e.g. "127.0.0.0/8" for local tests).
AGGREGATOR_ALLOWED_NETWORKS = env_list("AGGREGATOR_ALLOWED_NETWORKS")
# Languages headlines are machine-translated into (default: every site language).
AGGREGATOR_TRANSLATE_TO = env_list("AGGREGATOR_TRANSLATE_TO")

# Search ----------------------------------------------------------------------------------
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")  # or "elasticsearch"
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "vnip")

# Machine translation ---------------------------------------------------------------------
MT_MODELS_DIR = Path(os.environ.get("MT_MODELS_DIR", BASE_DIR / "var" / "mt-models"))
# Languages drafted automatically whenever a source-language page is published.
MT_TRANSLATE_ON_PUBLISH = env_list("MT_TRANSLATE_ON_PUBLISH")
MT_LANGUAGE_ALIASES = {"zh-hans": "zh", "zh-hant": "zt"}
MT_DECODING = {
    "beam_size": int(os.environ.get("MT_BEAM_SIZE", "2")),
    "max_batch_size": int(os.environ.get("MT_MAX_BATCH_SIZE", "32")),
}
MT_LIBRETRANSLATE_URL = os.environ.get("MT_LIBRETRANSLATE_URL", "")
MT_LIBRETRANSLATE_API_KEY = os.environ.get("MT_LIBRETRANSLATE_API_KEY", "")
MT_LIBRETRANSLATE_TIMEOUT = float(os.environ.get("MT_LIBRETRANSLATE_TIMEOUT", "20"))
MT_LIBRETRANSLATE_LANGUAGES = env_list("MT_LIBRETRANSLATE_LANGUAGES", "vi,en,zh,fr,ru,es,ja,ko")
WAGTAIL_ALLOW_UNICODE_SLUGS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django_tasks": {"level": os.environ.get("TASKS_LOG_LEVEL", "WARNING")},
    },
}
