"""Dates, numbers and relative times in each language's own format (CLDR through Babel).

Django's ``date`` filter knows no Lao or Khmer formats and writes Vietnamese or English
there; Babel carries CLDR's patterns, month names and numbering for every language,
including Lao and Khmer. Digits follow CLDR's default numbering system of each language
(Western digits for all the site's languages today). A language CLDR does not know (Ê Đê,
``rad``) is formatted like its Django ``fallback`` language, else Vietnamese.
"""

from datetime import date, datetime, timedelta
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_timedelta
from babel.numbers import format_decimal
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import timezone
from django.utils.translation import get_language


@lru_cache(maxsize=64)
def babel_locale(code: str | None) -> Locale:
    code = (code or settings.LANGUAGE_CODE).lower()
    candidates = [code, *LANG_INFO.get(code, {}).get("fallback", []), settings.LANGUAGE_CODE]
    for candidate in candidates:
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("vi")


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def local_date(value: date | datetime | None, length: str = "long", code: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value).date()
    return format_date(value, length, locale=babel_locale(code or get_language()))


def local_datetime(value: datetime | None, length: str = "medium", code: str | None = None) -> str:
    if value is None:
        return ""
    value = _local(value)
    return format_datetime(
        value, length, tzinfo=value.tzinfo, locale=babel_locale(code or get_language())
    )


def local_number(value: float | int | None, code: str | None = None) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=babel_locale(code or get_language()))


def relative_time(
    value: datetime | None, now: datetime | None = None, code: str | None = None
) -> str:
    """ "3 hours ago" / "in 2 days" in the language."""
    if value is None:
        return ""
    delta: timedelta = value - (now or timezone.now())
    return format_timedelta(
        delta, add_direction=True, threshold=1, locale=babel_locale(code or get_language())
    )
