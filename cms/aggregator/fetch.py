"""Fetching bytes politely and safely.

feedparser has no timeout or size cap, so we fetch ourselves: explicit connect/read
timeouts, a body size cap, a few redirects each checked again, conditional GET, and
refusal of private, loopback and link-local addresses unless a setting allows them.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from cms.text.dates import http_date

from . import conf
from .errors import AggregatorError

USER_AGENT = "VietnamImageAggregator/1.0 (+https://vietnam.example/about/aggregator)"
REDIRECTS = {301, 302, 303, 307, 308}
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml, "
    "text/xml, text/html;q=0.8, */*;q=0.5"
)


class FetchError(AggregatorError):
    """A fetch failed. ``retry_after`` (seconds) is set when the server asked to wait."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass
class FetchResult:
    status: int
    url: str
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = http_date(value)
    if when is None:
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def check_address(url: str) -> None:
    """Refuse hosts that resolve to private, loopback, link-local or reserved addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"Only http and https URLs can be fetched, not {parts.scheme or 'none'}.")
    host = parts.hostname
    if not host:
        raise FetchError("The URL has no host.")
    allowed = [ipaddress.ip_network(net) for net in conf.get("AGGREGATOR_ALLOWED_NETWORKS")]
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise FetchError(f"Cannot resolve {host}: {error}.") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if any(address in network for network in allowed):
            continue
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"{host} resolves to {address}, a private or reserved address; refused. "
                "Set AGGREGATOR_ALLOWED_NETWORKS to allow it."
            )


def fetch(
    url: str,
    etag: str = "",
    last_modified: str = "",
    verify_tls: bool = True,
    client: httpx.Client | None = None,
) -> FetchResult:
    """GET ``url`` with the aggregator's limits. Raises FetchError with the reason."""
    timeout = httpx.Timeout(
        conf.get("AGGREGATOR_READ_TIMEOUT"),
        connect=conf.get("AGGREGATOR_CONNECT_TIMEOUT"),
    )
    max_bytes = conf.get("AGGREGATOR_MAX_BYTES")
    max_redirects = conf.get("AGGREGATOR_MAX_REDIRECTS")
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own_client = client is None
    client = client or httpx.Client(timeout=timeout, verify=verify_tls, follow_redirects=False)
    try:
        current, seen = url, set()
        for _hop in range(max_redirects + 1):
            check_address(current)
            seen.add(current)
            try:
                with client.stream("GET", current, headers=headers, timeout=timeout) as response:
                    location = response.headers.get("Location", "")
                    if response.status_code in REDIRECTS and location:
                        current = urljoin(current, location)
                        if current in seen:
                            raise FetchError(f"Redirect loop at {current}.", response.status_code)
                        continue
                    return _read(response, current, max_bytes)
            except httpx.TimeoutException as error:
                raise FetchError(
                    f"Timed out fetching {current} ({type(error).__name__})."
                ) from error
            except httpx.TransportError as error:
                raise FetchError(f"Could not connect to {current}: {error}.") from error
        raise FetchError(f"More than {max_redirects} redirects starting at {url}.")
    finally:
        if own_client:
            client.close()


def _read(response: httpx.Response, url: str, max_bytes: int) -> FetchResult:
    status = response.status_code
    if status == 304:
        return FetchResult(status, url, etag=response.headers.get("ETag", ""))
    if status == 429 or status == 503:
        raise FetchError(
            f"{url} answered {status}: too many requests.",
            status,
            retry_after_seconds(response.headers.get("Retry-After")),
        )
    if status >= 400:
        raise FetchError(f"{url} answered HTTP {status}.", status)
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url} is {declared} bytes, over the {max_bytes}-byte limit.", status)
    deadline = time.monotonic() + conf.get("AGGREGATOR_TOTAL_TIMEOUT")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            raise FetchError(f"{url} is sending too slowly; gave up.", status)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url} sent more than {max_bytes} bytes; stopped reading.", status)
        chunks.append(chunk)
    return FetchResult(
        status,
        url,
        b"".join(chunks),
        response.headers.get("Content-Type", ""),
        response.headers.get("ETag", ""),
        response.headers.get("Last-Modified", ""),
    )
