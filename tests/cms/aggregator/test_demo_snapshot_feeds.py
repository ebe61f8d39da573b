"""The demo's recorded feeds (cms/demo/feeds/) read through the live fetch's own path."""

from datetime import datetime, timedelta

import pytest
from django.utils.dateparse import parse_datetime

from cms.aggregator.ingest import ingest_bytes
from cms.aggregator.models import Item, Source
from cms.aggregator.parse import parse_document
from cms.demo.news import FEEDS, snapshot

# file: (format, encoding, items, a title, that item's date)
GOLDEN = {
    "vnexpress-du-lich.rss": (
        "rss20",
        "utf-8",
        8,
        "Mùa hoa tam giác mạch nở muộn trên cao nguyên đá Đồng Văn",
        "2026-11-27T07:15:00+07:00",
    ),
    "vietnamnews-life-style.rss": (
        "rss20",
        "utf-8",
        8,
        "Old Quarter adds weekend pedestrian streets around Dong Xuan Market",
        "2026-11-26T22:15:00+07:00",
    ),
    "hanoi-gov-vn.rss": (
        "rss20",
        "utf-8",
        7,
        "Dự báo thời tiết: Hà Nội đón đợt không khí lạnh, nhiệt độ thấp nhất 14 độ C",
        "2026-11-27T06:10:00+07:00",  # written "27/11/2026 06:10": Vietnam time
    ),
    "quangninh-gov-vn.atom": (
        "atom10",
        "utf-8",
        7,
        "Cảng hàng không Vân Đồn mở thêm đường bay nội địa",
        "2026-11-25T14:00:00+07:00",
    ),
    "danang-gov-vn.rss": (
        "rss20",
        "cp1258",
        7,
        "Phố cổ Hội An thả đèn hoa đăng đêm rằm trên sông Hoài",
        "2026-11-26T10:15:00+00:00",
    ),
}


def sources() -> list[dict]:
    return snapshot()["sources"]


def test_every_recorded_feed_has_a_golden_expectation():
    assert sorted(spec["file"] for spec in sources()) == sorted(GOLDEN)


@pytest.mark.parametrize("spec", sources(), ids=lambda spec: spec["file"])
def test_recorded_feed_parses_as_a_fetched_one(spec):
    body = (FEEDS / spec["file"]).read_bytes()
    feed = parse_document(body, spec["url"], "feed", spec["content_type"])
    kind, encoding, count, title, date = GOLDEN[spec["file"]]
    assert (feed.format, feed.encoding, len(feed.items), feed.warnings) == (
        kind,
        encoding,
        count,
        [],
    )
    [item] = [item for item in feed.items if item.title == title]
    assert item.published_at == datetime.fromisoformat(date)
    assert all(i.title and i.link.startswith("https://") and i.published_at for i in feed.items)
    assert len({i.guid for i in feed.items}) == count


def test_windows_1258_feed_is_decoded_to_composed_vietnamese():
    body = (FEEDS / "danang-gov-vn.rss").read_bytes()
    assert b'encoding="windows-1258"' in body[:60]
    raw = body.decode("cp1258")
    assert "Hội An" not in raw and "H\u00f4\u0323i An" in raw, "tones are combining marks"
    feed = parse_document(body, "https://danang.gov.vn/", "feed", "text/xml")
    titles = [item.title for item in feed.items]
    assert "Bãi biển Mỹ Khê treo cờ đỏ cấm tắm do sóng lớn" in titles  # NFC, as typed
    assert all("\u0301" not in t and "\u0323" not in t for t in titles)


def test_hanoi_feed_starts_with_a_byte_order_mark():
    assert (FEEDS / "hanoi-gov-vn.rss").read_bytes().startswith(b"\xef\xbb\xbf<?xml")


@pytest.mark.django_db
def test_replaying_a_recording_moves_its_dates_to_now():
    spec = next(s for s in sources() if s["file"] == "quangninh-gov-vn.atom")
    source = Source.objects.create(name="Replay", url="https://replay.example/atom")
    recorded_at = parse_datetime(snapshot()["recorded_at"])
    now = recorded_at + timedelta(days=400, minutes=7)
    body = (FEEDS / spec["file"]).read_bytes()
    result = ingest_bytes(source, body, spec["content_type"], now, recorded_at=recorded_at)
    assert result.new == 7
    newest = Item.objects.filter(source=source).first()
    assert newest.title.startswith("Cảnh báo gió mạnh trên vùng biển Cô Tô")
    assert now - newest.published_at == timedelta(hours=3, minutes=10)
    assert newest.sort_at == newest.published_at and newest.ingested_at == now
    again = ingest_bytes(source, body, spec["content_type"], now, recorded_at=recorded_at)
    assert (again.new, again.duplicates) == (0, 7)


@pytest.mark.django_db
def test_without_recorded_at_the_feed_keeps_its_own_dates():
    source = Source.objects.create(name="Live", url="https://live.example/rss", language="en")
    body = (FEEDS / "vietnamnews-life-style.rss").read_bytes()
    now = datetime.fromisoformat("2026-11-27T09:00:00+07:00")
    ingest_bytes(source, body, "text/xml; charset=utf-8", now)
    newest = Item.objects.filter(source=source).first()
    assert newest.published_at == datetime.fromisoformat("2026-11-27T06:40:00+07:00")
    assert newest.language == "en"
