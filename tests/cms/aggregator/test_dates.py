from datetime import UTC, datetime, timedelta, timezone

import pytest

from cms.aggregator.dates import VIETNAM, parse_date


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
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "   ", None, "hôm qua", "31/02/2023", "99/99/9999"])
def test_unreadable(text):
    assert parse_date(text) is None
