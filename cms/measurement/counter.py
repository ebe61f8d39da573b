"""Counting public page views on the server, without cookies or personal data.

A view is counted when the request is a GET answered 200 with HTML, for a path with a
language prefix (``/en/...``) outside ``MEASUREMENT_SKIP_PREFIXES`` (admin, static, media,
documents, kiosks), from a user agent that is present and does not match
``MEASUREMENT_BOT_PATTERN``, and is not a preview. HEAD requests, redirects, errors,
feeds and JSON are not counted.

What is kept is one aggregate row per (UTC day, language, path, referring host) with a
counter. Each process adds views up in memory and writes them every
``MEASUREMENT_FLUSH_VIEWS`` views or ``MEASUREMENT_FLUSH_SECONDS`` seconds (and at exit)
with one ``INSERT ... ON CONFLICT DO UPDATE`` statement, so a request pays a dictionary
update rather than a commit; a crash loses at most that many unwritten views. The
query string, the full referrer, the IP address, the user agent and any cookie are read
only to decide whether to count, and never stored. Same-site referrers and requests
without one are stored with an empty host ("direct or internal"). A secret in the path
(a URL argument named as in ``SECRET_ARGUMENTS``, such as a newsletter confirmation
token) is stored as its name, ``<token>``, so no capability link lands in the table.
"""

import atexit
import logging
import re
import threading
import time
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

from django.db import DatabaseError, connections, router
from django.utils import timezone
from django.utils.translation import get_language_from_path

from cms.core.page_cache import SECRET_ARGUMENTS

from . import conf
from .models import HOST_LENGTH, PATH_LENGTH, PageView

logger = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _bot_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def is_bot(user_agent: str) -> bool:
    """No user agent at all, or one matching the bot pattern."""
    return not user_agent.strip() or bool(
        _bot_pattern(conf.get("MEASUREMENT_BOT_PATTERN")).search(user_agent)
    )


def referrer_host(request) -> str:
    """The referring site's host name, lower-case, without port, path or query; empty when
    there is none, when it is this site, or when it cannot be read."""
    referrer = request.META.get("HTTP_REFERER", "")
    if not referrer:
        return ""
    try:
        host = urlsplit(referrer).hostname or ""
        own = request.get_host().rsplit(":", 1)[0].strip("[]").lower()
    except ValueError:
        return ""
    if host == own or len(host) > HOST_LENGTH or not host.isprintable():
        return ""
    return host


def without_secrets(request, path: str) -> str:
    """``path`` with the value of each secret URL argument replaced by ``<name>``."""
    match = getattr(request, "resolver_match", None)
    for name, value in match.kwargs.items() if match else ():
        if name in SECRET_ARGUMENTS and isinstance(value, str) and value:
            path = path.replace(value, f"<{name}>")
    return path


def page_view(request, response) -> tuple[str, str] | None:
    """(language, path) when this response counts as a page view, else None."""
    if request.method != "GET" or response.status_code != 200:
        return None
    if not response.get("Content-Type", "").startswith("text/html"):
        return None
    path = request.path
    if len(path) > PATH_LENGTH or path.startswith(tuple(conf.get("MEASUREMENT_SKIP_PREFIXES"))):
        return None
    if getattr(request, "is_preview", False) or is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return None
    language = get_language_from_path(request.path_info)
    if language is None:
        return None
    return language, without_secrets(request, path)


def record(rows: dict[tuple, int]) -> None:
    """Add each count to its (day, language, path, host) row, in one statement."""
    if not rows:
        return
    table = PageView._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    params = [value for key, views in rows.items() for value in (*key, views)]
    connection = connections[router.db_for_write(PageView)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, language, path, referrer_host, views) VALUES {values} "
            "ON CONFLICT (day, language, path, referrer_host) "
            f"DO UPDATE SET views = {table}.views + EXCLUDED.views",
            params,
        )


_pending: Counter = Counter()
_lock = threading.Lock()
_last_flush = time.monotonic()


def flush() -> None:
    """Write the views this process has counted and not yet written."""
    global _last_flush
    with _lock:
        rows = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    try:
        record(rows)
    except DatabaseError:
        logger.warning("%d page views not written", sum(rows.values()), exc_info=True)


def count(day, language: str, path: str, host: str) -> None:
    with _lock:
        _pending[day, language, path, host] += 1
        due = sum(_pending.values()) >= conf.get("MEASUREMENT_FLUSH_VIEWS") or (
            time.monotonic() - _last_flush >= conf.get("MEASUREMENT_FLUSH_SECONDS")
        )
    if due:
        flush()


atexit.register(flush)


class PageViewMiddleware:
    """Counts public page views (see the module docstring). A failure to count is logged
    and never changes the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        record_view(request, response)
        return response


def record_view(request, response) -> None:
    if not conf.get("MEASUREMENT_COUNT_PAGE_VIEWS"):
        return
    counted = page_view(request, response)
    if counted is not None:
        language, path = counted
        count(timezone.now().date(), language, path, referrer_host(request))


def count_kept_page(sender, request, response, **kwargs) -> None:
    """A page the page cache served: it never reached the middleware; count it here."""
    record_view(request, response)
