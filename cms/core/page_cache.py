"""The page cache: whole public responses kept for anonymous readers.

Kept: the response to an anonymous ``GET`` answered ``200`` that nothing personal went
into. The request carries no cookie but the CSRF one (a session, a flash message or
anything else may change the page). The response sets no cookie (a form's CSRF token
sets one), varies on nothing but ``Accept-Encoding`` and ``Cookie`` (the request had no
cookie that matters), says neither ``private``, ``no-store`` nor ``no-cache``, used no CSP
nonce (a cached nonce would be reused) and has no capability in its URL (a ``token`` or
``key`` argument); nothing under ``PAGE_CACHE_SKIP_PREFIXES`` (the admin) is kept.
``HEAD`` is answered from the ``GET`` entry. The entry lives in the ``PAGE_CACHE_ALIAS``
cache (Redis in production, so every worker shares it; local memory in development) for
``PAGE_CACHE_TIMEOUT`` seconds, which bounds how stale a page can get on changes nobody
announces.

Invalidation is by generation: every entry holds the generation token current when it
was stored, read together with the current token in one round trip, and
``invalidate()`` replaces the token, so every page (the published page, and the home,
section, province and feed pages that list it) is built afresh on its next request. It is
called on publish, unpublish, move and delete of a page, on publish and unpublish of a
snippet, on saving or deleting an image, document, video or captions file, and by the
services whose output the pages list (the aggregator's new items).
The old entries are never served again; they are replaced or expire on their own.

A kept response gets ``Cache-Control: public`` with ``PAGE_CACHE_BROWSER_MAX_AGE`` for
browsers and ``PAGE_CACHE_SHARED_MAX_AGE`` for a CDN (which Wagtail's frontend cache
purges on publish).

The middleware sits near the top of the stack, just inside Django's security middleware,
so a kept page costs two cache reads and nothing else. What the middleware below it adds
is kept with the page: the CSP and permissions headers (the same for every page without a
nonce), the ``ETag`` of ``ConditionalGetMiddleware`` and the compression of
``GZipMiddleware`` (a compressed and a plain copy are kept apart). A kept page answers
``If-None-Match`` with ``304`` itself, and announces itself with ``page_served`` so that
the page-view counter, further down, still counts it.
"""

import hashlib
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import conf

logger = logging.getLogger(__name__)

# Sent with ``request`` and ``response`` when a kept page is served.
page_served = Signal()

GENERATION_KEY = "page-cache:generation"
HEADER = "X-Page-Cache"
# URL arguments that carry a capability (a confirmation token, a display's key).
SECRET_ARGUMENTS = frozenset({"token", "key", "secret", "signature", "uidb64"})
NOT_KEPT_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")
MAX_QUERY_LENGTH = 256
GZIP = re.compile(r"\bgzip\b")  # as GZipMiddleware reads Accept-Encoding


def _cache():
    return caches[conf.get("PAGE_CACHE_ALIAS")]


def enabled() -> bool:
    return conf.get("PAGE_CACHE_TIMEOUT") > 0


def fragments_enabled() -> bool:
    return conf.get("PAGE_FRAGMENT_TIMEOUT") > 0


def _current(token: str | None) -> str:
    """The generation token read with an entry, or a new one when there was none."""
    if token is None:
        token = uuid.uuid4().hex
        if not _cache().add(GENERATION_KEY, token, timeout=None):
            token = _cache().get(GENERATION_KEY) or token
    return token


def _read(cache_key: str) -> tuple[str, Any]:
    """The current generation and what ``cache_key`` holds, if it was stored in that
    generation: one round trip to the cache."""
    found = _cache().get_many([GENERATION_KEY, cache_key])
    token = _current(found.get(GENERATION_KEY))
    stored = found.get(cache_key)
    if stored is None or stored[0] != token:
        return token, None
    return token, stored[1]


def invalidate(**_) -> None:
    """Drop every kept page (usable as a signal receiver). A cache that cannot be reached
    is logged: the entries then expire with PAGE_CACHE_TIMEOUT."""
    if not (enabled() or fragments_enabled()):
        return
    try:
        _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.exception("The page cache could not be invalidated")


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        invalidate()


def _media_models() -> list:
    """Media that pages show without a publish of their own: a new file, crop or caption
    must reach the kept pages and pictures at once."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from .models import Video, VideoCaptions

    return [get_image_model(), get_document_model(), Video, VideoCaptions]


def connect_invalidation() -> None:
    """Empty the page cache whenever what readers see of a page, snippet or media changes."""
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="page-cache-page-deleted")
    for model in _media_models():
        for signal in (post_save, post_delete):
            signal.connect(invalidate, sender=model, dispatch_uid=f"page-cache-{model.__name__}")


def fragment(name: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept like a page for PAGE_FRAGMENT_TIMEOUT: a part of pages (the
    footer's links, a page's head) that changes only when pages do, also while whole pages
    are not kept. ``name`` says everything the value depends on."""
    if not fragments_enabled():
        return compute()
    cache_key = f"page-cache:fragment:{name}"
    try:
        token, value = _read(cache_key)
    except Exception:
        logger.exception("The page cache could not be read")
        return compute()
    if value is None:
        value = compute()
        try:
            _cache().set(cache_key, (token, value), conf.get("PAGE_FRAGMENT_TIMEOUT"))
        except Exception:
            logger.exception("The page cache could not be written")
    return value


def key(request: HttpRequest) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    encoding = "gzip" if GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "plain"
    return f"page-cache:{encoding}:{hashlib.sha256(url.encode()).hexdigest()}"


def request_is_cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and not request.path_info.startswith(tuple(conf.get("PAGE_CACHE_SKIP_PREFIXES")))
    )


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    if getattr(request, "is_preview", False):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - {"accept-encoding", "cookie"}:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(directive in control for directive in NOT_KEPT_DIRECTIVES):
        return False
    match = getattr(request, "resolver_match", None)
    return not (match and SECRET_ARGUMENTS & set(match.kwargs))


def _stored(response: HttpResponse) -> tuple:
    headers = [(k, v) for k, v in response.headers.items() if k.lower() != HEADER.lower()]
    return response.status_code, headers, response.content


def _restored(entry: tuple) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Answers kept pages before anything else looks at the request (see the module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not request_is_cacheable(request):
            return self.get_response(request)
        cache_key = key(request)
        try:
            token, entry = _read(cache_key)
        except Exception:
            logger.exception("The page cache could not be read")
            return self.get_response(request)
        if entry is not None:
            response = _restored(entry)
            response = get_conditional_response(
                request, etag=response.get("ETag"), response=response
            )
            response[HEADER] = "hit"
            page_served.send(sender=PageCacheMiddleware, request=request, response=response)
            return response
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(
                    response,
                    public=True,
                    max_age=conf.get("PAGE_CACHE_BROWSER_MAX_AGE"),
                    s_maxage=conf.get("PAGE_CACHE_SHARED_MAX_AGE"),
                )
            try:
                entry = (token, _stored(response))
                _cache().set(cache_key, entry, conf.get("PAGE_CACHE_TIMEOUT"))
            except Exception:
                logger.exception("The page cache could not be written")
            response[HEADER] = "miss"
        return response
