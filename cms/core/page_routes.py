"""Which page a public URL names, kept in the page cache between publishes.

Wagtail finds the page of a path by walking the tree from the site's root, one level at a
time: the localised root, then each path component's child and its specific page, about
eight queries for a story. Which page a path names changes only when pages are published,
unpublished, moved or deleted, exactly the events that replace the page cache's
generation token; so the answer (the page's content type and id, or "no page") is kept as
a page-cache fragment and the next request loads the one page it needs in one query.

The view below fills ``request._wagtail_route_for_request``, the slot where Wagtail's own
``Page.route_for_request`` memoises its answer for the request, and then hands over to
Wagtail's ``serve`` view, which runs the page hooks (view restrictions, our own) as ever.
Only plain routes are kept; a page that routes a sub-path itself (``RoutablePageMixin``)
is routed by Wagtail on every request. A page model may name the relations its page shows
in ``serve_select_related``; they are loaded with the page.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from . import page_cache

NO_PAGE = "none"  # the path names no live page
NOT_KEPT = "not kept"  # the page routes the rest of the path itself

ROUTE_SLOT = "_wagtail_route_for_request"


def _name(request: HttpRequest, path: str) -> str:
    where = f"{request.get_host()}|{get_language()}|{path}"
    return "route:" + hashlib.sha256(where.encode()).hexdigest()


def _found(request: HttpRequest, path: str):
    """Wagtail's own routing, reduced to what can be kept."""
    result = Page.route_for_request(request, path)
    if result is None:
        return NO_PAGE
    page, args, kwargs = result
    if args or kwargs:
        return NOT_KEPT
    return (page.content_type_id, page.pk)


def _page(kept) -> Page | None:
    content_type_id, page_id = kept
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    pages = model.objects.filter(pk=page_id, live=True)
    if related := getattr(model, "serve_select_related", ()):
        pages = pages.select_related(*related)
    return pages.first()


def route(request: HttpRequest, path: str) -> None:
    """Put the route of ``path`` where Wagtail looks for it, from the page cache when it
    is there; a kept page that has gone meanwhile is routed afresh."""
    if hasattr(request, ROUTE_SLOT) or not page_cache.fragments_enabled():
        return
    kept = page_cache.fragment(_name(request, path), lambda: _found(request, path))
    if hasattr(request, ROUTE_SLOT) or kept == NOT_KEPT:
        return  # computed just now, or Wagtail routes it on its own
    if kept == NO_PAGE:
        setattr(request, ROUTE_SLOT, None)
        return
    page = _page(kept)
    if page is not None:
        setattr(request, ROUTE_SLOT, RouteResult(page))


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, with the route from the page cache (see the module doc)."""
    route(request, path)
    return wagtail_serve(request, path)
