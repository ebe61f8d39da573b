"""Figures laid out by month and language, for the dashboard, its charts and the CSV."""

import csv
from dataclasses import dataclass

from django.http import HttpResponse

from .figures import Figure
from .periods import ALL, Month

CHART_WIDTH, CHART_HEIGHT, CHART_GAP = 360, 120, 4


def value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class Bar:
    month: str
    value: object
    text: str
    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def label(self) -> str:
        """The month under its bar: MM, with the year in January."""
        return self.month if self.month.endswith("-01") else self.month[5:]


@dataclass
class Series:
    """One figure over the months, with the geometry of its bar chart."""

    figure: Figure
    values: list
    bars: list[Bar]
    highest: str

    @property
    def has_data(self) -> bool:
        return any(value is not None for value in self.values)


def series(figure: Figure, language: str | None, months: list[Month]) -> Series:
    values = [figure.value(language, month.start, month.end) for month in months]
    highest = max((value for value in values if value is not None), default=0) or 1
    step = CHART_WIDTH / max(len(months), 1)
    bars = []
    for index, (month, value) in enumerate(zip(months, values, strict=True)):
        height = 0 if value is None else max(0.0, float(value)) / highest * (CHART_HEIGHT - 16)
        bars.append(
            Bar(
                month=str(month),
                value=value,
                text=value_text(value),
                x=round(index * step + CHART_GAP / 2, 1),
                y=round(CHART_HEIGHT - height, 1),
                width=round(step - CHART_GAP, 1),
                height=round(height, 1),
            )
        )
    return Series(figure, values, bars, value_text(highest if values else None))


def language_or_none(language: str) -> str | None:
    return None if language == ALL else language


def csv_response(
    figures: list[Figure], languages: list[str], months: list[Month], filename: str
) -> HttpResponse:
    """One row per month and language: month, language, then one column per figure key."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(["month", "language", *(figure.key for figure in figures)])
    for month in months:
        for language in languages:
            code = language_or_none(language)
            writer.writerow(
                [
                    str(month),
                    language,
                    *(value_text(figure.value(code, month.start, month.end)) for figure in figures),
                ]
            )
    return response
