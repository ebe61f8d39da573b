"""Fetching from a real HTTP server on 127.0.0.1 (loopback is allowed in test settings)."""

import time

import pytest

from cms.aggregator.fetch import FetchError, fetch, retry_after_seconds


def test_plain_fetch_with_validators(server, golden):
    url = server.add(
        "/rss",
        body=golden("rss1.xml"),
        etag='"v1"',
        headers={
            "Last-Modified": "Sat, 16 May 2026 01:00:00 GMT",
            "Content-Type": "application/rss+xml",
        },
    )
    result = fetch(url)
    assert result.status == 200
    assert result.body == golden("rss1.xml")
    assert result.etag == '"v1"'
    assert result.last_modified == "Sat, 16 May 2026 01:00:00 GMT"
    assert "VietnamImageAggregator" in server.routes["/rss"].request_headers[0]["User-Agent"]


def test_conditional_get_returns_304(server, golden):
    url = server.add("/rss", body=golden("rss1.xml"), etag='"v1"')
    result = fetch(url, etag='"v1"', last_modified="Sat, 16 May 2026 01:00:00 GMT")
    assert result.not_modified
    headers = server.routes["/rss"].request_headers[0]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Sat, 16 May 2026 01:00:00 GMT"


def test_slow_server_times_out(server):
    url = server.add("/slow", body=b"<rss/>", delay=4)
    started = time.monotonic()
    with pytest.raises(FetchError, match="Timed out"):
        fetch(url)
    assert time.monotonic() - started < 3.5


def test_endless_body_is_cut_at_the_size_cap(server):
    url = server.add("/endless", endless=True)
    with pytest.raises(FetchError, match="more than 1048576 bytes"):
        fetch(url)


def test_declared_oversize_is_refused_before_reading(server):
    url = server.add("/big", body=b"x" * (2 * 1024 * 1024))
    with pytest.raises(FetchError, match="over the 1048576-byte limit"):
        fetch(url)


def test_redirect_loop(server):
    server.add("/a", redirect_to="/b")
    url = server.add("/b", redirect_to="/a")
    with pytest.raises(FetchError, match="Redirect loop"):
        fetch(url)


def test_too_many_redirects(server):
    for n in range(6):
        server.add(f"/r{n}", redirect_to=f"/r{n + 1}")
    server.add("/r6", body=b"<rss/>")
    with pytest.raises(FetchError, match="More than 3 redirects"):
        fetch(server.url("/r0"))


def test_a_few_redirects_are_followed(server, golden):
    server.add("/old", redirect_to="/new", status=301)
    server.add("/new", body=golden("rss1.xml"))
    result = fetch(server.url("/old"))
    assert result.url == server.url("/new")
    assert result.body == golden("rss1.xml")


def test_429_with_retry_after(server):
    url = server.add("/busy", status=429, headers={"Retry-After": "120"})
    with pytest.raises(FetchError) as error:
        fetch(url)
    assert error.value.status == 429
    assert error.value.retry_after == 120


def test_500_is_an_error(server):
    url = server.add("/broken", status=500, body=b"oops")
    with pytest.raises(FetchError, match="HTTP 500") as error:
        fetch(url)
    assert error.value.status == 500


def test_private_addresses_are_refused_unless_allowed(server, settings):
    url = server.add("/rss", body=b"<rss/>")
    settings.AGGREGATOR_ALLOWED_NETWORKS = []
    with pytest.raises(FetchError, match="private or reserved"):
        fetch(url)
    assert server.routes["/rss"].calls == 0


def test_redirect_to_a_private_address_is_refused(server):
    url = server.add("/hop", redirect_to="http://10.1.2.3/internal")
    with pytest.raises(FetchError, match="private or reserved"):
        fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "http:///nohost"])
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchError):
        fetch(url)


def test_unresolvable_host():
    with pytest.raises(FetchError, match="Cannot resolve"):
        fetch("http://no-such-host.invalid/rss")


def test_retry_after_forms():
    from datetime import UTC, datetime

    now = datetime(2026, 5, 16, 1, 0, tzinfo=UTC)
    assert retry_after_seconds("30") == 30
    assert retry_after_seconds("Sat, 16 May 2026 01:02:00 GMT", now) == 120
    assert retry_after_seconds("soon") is None
