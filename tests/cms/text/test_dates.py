from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from cms.text.dates import (
    VIETNAM,
    bounded_date,
    http_date,
    iso_datetime,
    parse_datetime,
    within_bounds,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16/05/2023 08:30", datetime(2023, 5, 16, 8, 30, tzinfo=VIETNAM)),
        ("08:30, 16/05/2023", datetime(2023, 5, 16, 8, 30, tzinfo=VIETNAM)),
        ("16-05-2023", datetime(2023, 5, 16, tzinfo=VIETNAM)),
        ("16.05.2023 8h30", datetime(2023, 5, 16, 8, 30, tzinfo=VIETNAM)),
        ("Thứ hai, 16/05/2023 08:30 (GMT+7)", datetime(2023, 5, 16, 8, 30, tzinfo=VIETNAM)),
        (
            "Thứ hai, 16/05/2023 01:30 GMT",
            datetime(2023, 5, 16, 1, 30, tzinfo=timezone(timedelta(0))),
        ),
        ("2023-05-16 08:30:00", datetime(2023, 5, 16, 8, 30, tzinfo=VIETNAM)),
        ("2023-05-16T01:30:00Z", datetime(2023, 5, 16, 1, 30, tzinfo=UTC)),
        (
            "Tue, 16 May 2023 08:30:00 +0700",
            datetime(2023, 5, 16, 8, 30, tzinfo=timezone(timedelta(hours=7))),
        ),
    ],
)
def test_forms(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["", "   ", None, "hôm qua", "31/02/2023", "99/99/9999"])
def test_unreadable(text):
    assert parse_datetime(text) is None


@pytest.mark.parametrize(
    "text", ["01/01/1850 08:00", "2300-01-01T00:00:00Z", "1 Jan 1800 00:00 GMT"]
)
def test_far_dates_are_unreadable(text):
    assert parse_datetime(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-07-01", date(2025, 7, 1)),
        (" 2025-07-01 ", date(2025, 7, 1)),
        ("1899-12-31", None),
        ("2101-01-01", None),
        ("2025-02-30", None),
        ("01/07/2025", None),
        ("", None),
        (None, None),
    ],
)
def test_bounded_date(text, expected):
    assert bounded_date(text) == expected


def test_iso_datetime_reads_dates_at_a_given_time_in_vietnam():
    assert iso_datetime("2024-03-05", at=time(12)) == datetime(2024, 3, 5, 12, tzinfo=VIETNAM)
    assert iso_datetime("2024-03-05T08:00:00") == datetime(2024, 3, 5, 8, tzinfo=VIETNAM)
    assert iso_datetime("2024-03-05T08:00:00+00:00") == datetime(2024, 3, 5, 8, tzinfo=UTC)
    assert iso_datetime("5 March 2024") is None
    assert iso_datetime("2024-13-01") is None
    assert not within_bounds(iso_datetime("0001-01-01"))


def test_http_date_is_gmt_without_a_zone():
    assert http_date("Tue, 16 May 2023 08:30:00 GMT") == datetime(2023, 5, 16, 8, 30, tzinfo=UTC)
    assert http_date("Tue, 16 May 2023 08:30:00 -0000") == datetime(2023, 5, 16, 8, 30, tzinfo=UTC)
    assert http_date("soon") is None
    assert http_date(None) is None
