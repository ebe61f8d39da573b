"""Partial dates for lives of people: ``1939``, ``1939-02`` or ``1939-02-28``.

A birth or death date is often known only to the year. It is stored as that ISO 8601
prefix (a string, synchronised between languages, never translated), shown in the
reader's language with CLDR patterns (Babel) and given as is to schema.org, whose
``Date`` accepts the same reduced forms.
"""

import re
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date, format_skeleton
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import to_locale

PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "PartialDate | None":
        """The date written as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None if empty.
        Raises ValueError for anything else, or a day that does not exist."""
        text = (text or "").strip()
        if not text:
            return None
        match = PATTERN.match(text)
        if match is None:
            raise ValueError(text)
        year, month, day = (int(v) if v else None for v in match.group("year", "month", "day"))
        date(year, month or 1, day or 1)  # raises ValueError for 1939-13 or 1939-02-30
        return cls(year, month, day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self, language: str) -> str:
        """The date as a reader of ``language`` writes it (CLDR)."""
        locale = to_locale(language)
        if self.day:
            return format_date(date(self.year, self.month, self.day), "long", locale=locale)
        if self.month:
            return format_skeleton("yMMMM", date(self.year, self.month, 1), locale=locale)
        return str(self.year)


def validate_partial_date(value: str) -> None:
    try:
        PartialDate.parse(value)
    except ValueError:
        raise ValidationError(
            _("Write the date as YYYY, YYYY-MM or YYYY-MM-DD (for example 1939 or 1939-02-28).")
        ) from None
