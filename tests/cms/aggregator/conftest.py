from pathlib import Path

import pytest

from .server import FeedServer

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def golden():
    return lambda name: (GOLDEN / name).read_bytes()


def rss(items: list[tuple[str, str, str]], title: str = "Cổng thông tin") -> bytes:
    """A small RSS 2.0 document from (guid, title, description) triples."""
    entries = "".join(
        f"<item><guid isPermaLink='false'>{guid}</guid><title>{headline}</title>"
        f"<link>https://portal.example/{guid}</link><description>{text}</description>"
        f"<pubDate>16/05/2026 08:{n:02d}</pubDate></item>"
        for n, (guid, headline, text) in enumerate(items)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://portal.example/</link>{entries}</channel></rss>"
    ).encode()
