"""Golden files: each feed in golden/ parses to exactly golden/expected/<name>.json.

After an intended change to the parser, regenerate with UPDATE_GOLDEN=1 and review the diff.
"""

import json
import os
from pathlib import Path

import pytest

from cms.aggregator.parse import ParseError, parse_document

GOLDEN = Path(__file__).parent / "golden"
LISTING = {
    "item": "article.news-item",
    "title": ".title",
    "link": ".title a",
    "date": ".date",
    "summary": ".sapo",
    "image": "img.thumb",
}
CASES = [
    ("rss2_portal.xml", "feed", "https://www.quangninh.gov.vn/rss", "application/rss+xml", None),
    ("atom.xml", "feed", "https://danang.gov.vn/feed", "application/atom+xml", None),
    ("rss1.xml", "feed", "https://cantho.gov.vn/rss", "application/rdf+xml", None),
    ("jsonfeed.json", "jsonfeed", "https://baolaocai.vn/feed.json", "application/feed+json", None),
    ("listing.html", "html", "https://gialai.gov.vn/tin-tuc/", "text/html; charset=utf-8", LISTING),
    (
        "cp1258_declared_utf8.xml",
        "feed",
        "https://nghean.gov.vn/rss",
        "text/xml; charset=utf-8",
        None,
    ),
    ("bom_and_junk.xml", "feed", "https://cantho.gov.vn/rss", "text/xml", None),
    ("junk_before_xml.xml", "feed", "https://www.quangninh.gov.vn/rss", "text/xml", None),
]


def parsed(name, kind, url, content_type, selectors) -> dict:
    feed = parse_document((GOLDEN / name).read_bytes(), url, kind, content_type, selectors)
    return {
        "format": feed.format,
        "title": feed.title,
        "encoding": feed.encoding,
        "warnings": feed.warnings,
        "items": [item.as_dict() for item in feed.items],
    }


@pytest.mark.parametrize(("name", "kind", "url", "content_type", "selectors"), CASES)
def test_golden(name, kind, url, content_type, selectors):
    result = parsed(name, kind, url, content_type, selectors)
    expected_path = GOLDEN / "expected" / f"{Path(name).stem}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.parent.mkdir(exist_ok=True)
        expected_path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    assert result == json.loads(expected_path.read_text())


def test_quirks_are_handled():
    portal = parsed(*CASES[0])
    first, second, third, undated = portal["items"]
    assert first["published_at"] == "2026-05-16T08:30:00+07:00"
    assert second["published_at"] == "2026-05-15T08:15:00+07:00"
    assert third["published_at"] == "2026-05-14T00:00:00+07:00", (
        "not 2014-05-20 as feedparser reads it"
    )
    assert undated["published_at"] is None
    assert (
        first["link"]
        == "https://www.quangninh.gov.vn/tin-tuc/hoi-nghi-du-lich-2026.html?utm_source=rss"
    )
    assert second["guid"] != third["guid"], "a GUID reused for two links is not an identity"
    html = first["content_html"]
    assert "script" not in html and "onerror" not in html and "javascript:" not in html
    assert '<img src="https://www.quangninh.gov.vn/Images/2026/hoi-nghi.jpg">' in html
    assert first["image_url"] == "https://www.quangninh.gov.vn/Images/2026/hoi-nghi.jpg"
    assert second["image_url"] == "https://cdn.quangninh.gov.vn/ha-long.jpg"


def test_windows_1258_declared_as_utf8_reads_as_vietnamese():
    feed = parsed(*CASES[5])
    assert feed["encoding"] == "cp1258"
    assert feed["items"][0]["title"] == "Hội nghị tổng kết công tác năm của tỉnh Nghệ An"


def test_html_page_where_a_feed_was_expected():
    with pytest.raises(ParseError, match="HTML page, not a feed"):
        parse_document((GOLDEN / "not_a_feed.html").read_bytes(), "https://x.gov.vn/rss", "feed")


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (b"", "feed", "empty"),
        (b"\x00\x01\x02garbage", "feed", "Not a feed"),
        (b"{not json", "jsonfeed", "Not valid JSON"),
        (b'{"items": []}', "jsonfeed", "JSON Feed version"),
        (b"<html><body><p>x</p></body></html>", "html", "selectors"),
    ],
)
def test_bad_documents_give_clear_errors(data, kind, message):
    with pytest.raises(ParseError, match=message):
        parse_document(
            data,
            "https://x.gov.vn/",
            kind,
            selectors={"item": ".a", "title": ".b"} if kind == "html" and b"<p>" in data else None,
        )
