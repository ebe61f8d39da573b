"""RSS 2.0 and Atom feeds of one listing page (an index page of this app or of events
and press), served by the index page's own routes (``feed/rss/``, ``feed/atom/``).

The site's story feeds live in ``cms.syndication``, a layer above the page types, so the
feeds here are built on Django's generators directly. An index page gives the feed its
``feed_pages()`` (live, public, newest first); each page gives ``feed_summary()`` (plain
text) and ``date_published``. Titles and text are written as XML text, so nothing an
editor or translator typed can become markup.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

FEED_SIZE = 30


@dataclass
class Scope:
    request: object
    index: Page


def absolute(request, page: Page) -> str:
    return request.build_absolute_uri(page.get_url(request=request))


class IndexRssFeed(Feed):
    """The newest pages of one index page, in that page's language."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, index: Page) -> Scope:
        return Scope(request=request, index=index)

    def title(self, scope: Scope) -> str:
        return scope.index.title

    def link(self, scope: Scope) -> str:
        return absolute(scope.request, scope.index)

    def description(self, scope: Scope) -> str:
        return getattr(scope.index, "intro", "") or _("Stories about Vietnam, in your language.")

    def feed_url(self, scope: Scope) -> str:
        return scope.request.build_absolute_uri(scope.request.path)

    def items(self, scope: Scope) -> list[tuple[Scope, Page]]:
        return [(scope, page) for page in scope.index.feed_pages()[:FEED_SIZE]]

    def item_title(self, item) -> str:
        return item[1].title

    def item_link(self, item) -> str:
        return absolute(item[0].request, item[1])

    def item_guid(self, item) -> str:
        return absolute(item[0].request, item[1])

    def item_description(self, item) -> str:
        return item[1].feed_summary()

    def item_pubdate(self, item):
        return item[1].date_published

    def item_updateddate(self, item):
        page = item[1]
        return page.last_published_at or page.date_published


class IndexAtomFeed(IndexRssFeed):
    feed_type = Atom1Feed
    subtitle = IndexRssFeed.description


def feed_links(request, index: Page) -> list[dict]:
    """``<link rel="alternate">`` entries for an index page's head."""
    base = index.get_url(request=request)
    return [
        {"type": "application/rss+xml", "href": f"{base}feed/rss/", "title": index.title},
        {"type": "application/atom+xml", "href": f"{base}feed/atom/", "title": index.title},
    ]
