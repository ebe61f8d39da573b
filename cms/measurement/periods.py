"""Months as aware UTC bounds, and the dashboard's query string (period and language)."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.core.params import ParamsForm, TextParam

from . import conf

MONTH = re.compile(r"(\d{4})-(\d{2})")
FIRST_YEAR, LAST_YEAR = 2000, 2100
ALL = "all"


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        return self.next().start

    def next(self) -> "Month":
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def minus(self, months: int) -> "Month":
        index = self.year * 12 + self.month - 1 - months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def of(cls, day: date | datetime) -> "Month":
        return cls(day.year, day.month)


def months_between(first: Month, last: Month) -> list[Month]:
    result, month = [], first
    while (month.year, month.month) <= (last.year, last.month):
        result.append(month)
        month = month.next()
    return result


class MonthParam(TextParam):
    """A month written YYYY-MM, between the years 2000 and 2100."""

    def __init__(self, **kwargs):
        super().__init__(max_length=7, **kwargs)

    def clean(self, value):
        value = super().clean(value)  # the text, checked for length and controls
        if not value:
            return None
        match = MONTH.fullmatch(value)
        if not match or not (FIRST_YEAR <= int(match[1]) <= LAST_YEAR and 1 <= int(match[2]) <= 12):
            raise ValidationError(
                gettext_lazy("Write a month as YYYY-MM, between %(first)s and %(last)s."),
                code="invalid",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return Month(int(match[1]), int(match[2]))


class PeriodParams(ParamsForm):
    """``start`` and ``end`` months (inclusive) and ``language`` (a code or ``all``).

    Unlike public listings, every bad value here is refused (400): a figure for another
    period than the one asked for would mislead."""

    start = MonthParam()
    end = MonthParam()
    language = TextParam(max_length=20)

    def __init__(self, query, *, languages: list[str]):
        super().__init__(query)
        self.languages = languages

    def clean_language(self):
        language = self.cleaned_data.get("language") or ALL
        if language != ALL and language not in self.languages:
            raise ValidationError(_("unknown language “%(code)s”.") % {"code": language})
        return language

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        end = cleaned.get("end") or Month.of(timezone.now())
        start = cleaned.get("start") or end.minus(conf.get("MEASUREMENT_DEFAULT_MONTHS") - 1)
        if (start.year, start.month) > (end.year, end.month):
            raise ValidationError(_("The first month comes after the last one."))
        longest = conf.get("MEASUREMENT_MAX_MONTHS")
        if len(months_between(start, end)) > longest:
            raise ValidationError(
                _("Choose at most %(count)d months.") % {"count": longest}, code="too_long"
            )
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def error_message(self) -> str:
        """One line naming each refused parameter and why."""
        parts = []
        for name, errors in self.errors.items():
            label = _("period") if name == NON_FIELD_ERRORS else name
            parts.append(_("%(name)s: %(reason)s") % {"name": label, "reason": " ".join(errors)})
        return "; ".join(parts)
