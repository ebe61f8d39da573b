import logging
import re

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

TELEGRAM_TOKEN_IN_URL = re.compile(r"/bot[^/\s]+/")


class RedactBotToken(logging.Filter):
    """httpx logs each request's URL; a Telegram URL carries the bot token."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                arg
                if isinstance(arg, int | float)
                else TELEGRAM_TOKEN_IN_URL.sub("/bot[token]/", str(arg))
                for arg in record.args
            )
        record.msg = TELEGRAM_TOKEN_IN_URL.sub("/bot[token]/", str(record.msg))
        return True


class SocialConfig(AppConfig):
    name = "cms.social"
    label = "social"
    verbose_name = _("Social channels")

    def ready(self):
        from . import checks, signals  # noqa: F401

        logging.getLogger("httpx").addFilter(RedactBotToken())
