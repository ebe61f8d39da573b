"""Settings of public voices (``/<lang>/contribute/``), their defaults and environment
variables. Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``)."""

from pathlib import Path

from django.conf import settings

from cms.core.conf import AppSettings, Setting


def _private_dir() -> Path:
    media = Path(settings.MEDIA_ROOT)
    return media.with_name(media.name + "-submissions")


SETTINGS = AppSettings(
    Setting(
        "SUBMISSIONS_MAX_UPLOAD_BYTES",
        8 * 1024 * 1024,
        "largest photo a visitor may send, in bytes",
        shown_default="`8388608` (8 MiB)",
    ),
    Setting(
        "SUBMISSIONS_MAX_PIXELS",
        40_000_000,
        "largest photo in pixels (width × height); stops decompression bombs",
    ),
    Setting("SUBMISSIONS_MIN_FILL_SECONDS", 5, "a form sent sooner after it was shown is refused"),
    Setting("SUBMISSIONS_MAX_FILL_SECONDS", 86400, "a form older than this must be reloaded"),
    Setting("SUBMISSIONS_RATE_LIMIT", 3, "submissions per e-mail address and per client address"),
    Setting("SUBMISSIONS_RATE_WINDOW", 3600, "seconds over which SUBMISSIONS_RATE_LIMIT counts"),
    Setting("SUBMISSIONS_MAX_LINKS", 2, "links allowed in a submission's text"),
    Setting("SUBMISSIONS_BANNED_WORDS", [], "comma-separated words that refuse a submission"),
    Setting("SUBMISSIONS_CONFIRM_DAYS", 7, "days the e-mail confirmation link stays valid"),
    Setting(
        "SUBMISSIONS_RETENTION_DAYS",
        30,
        "days after which rejected and unconfirmed submissions lose their personal data",
    ),
    Setting("SUBMISSIONS_PURGE_INTERVAL", 86400, "seconds between two purges run by the worker"),
    Setting(
        "SUBMISSIONS_UPLOAD_DIR",
        _private_dir,
        "folder (not served) holding photos until they are approved",
        shown_default="MEDIA_ROOT's name + `-submissions`",
    ),
)
get = SETTINGS.get
