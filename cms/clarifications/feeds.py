"""RSS 2.0 and Atom feeds of one language's clarifications (the listing's ``rss/`` and
``atom/``). The site-wide feeds live in ``cms.syndication``, a layer above this app,
so these subclass Django's ``Feed`` the same way: each entry's summary says the rating
and the facts in short, its content is the facts through the feed allow-list
(``cms.text.html.feed_html``), and the claim's outlet is named.

A ``Feed`` instance is built per request by the listing page, which passes itself in.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from cms.text.html import feed_html

from . import conf


class _ContentRss(Rss201rev2Feed):
    """``content:encoded`` with the full facts."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class _ContentAtom(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class ClarificationRssFeed(Feed):
    feed_type = _ContentRss

    def get_object(self, request, index=None):
        self.request = request
        return index

    def _absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    def title(self, index) -> str:
        return index.title

    def link(self, index) -> str:
        return self._absolute(index.get_url(request=self.request))

    def description(self, index) -> str:
        return index.intro or _("Official facts answering distorted information about Vietnam.")

    subtitle = description

    def feed_copyright(self, index) -> str:
        return conf.get("CLARIFICATIONS_PUBLISHER")

    def items(self, index) -> list:
        return list(index.clarifications()[: conf.get("CLARIFICATIONS_FEED_SIZE")])

    def item_title(self, page) -> str:
        return page.title

    def item_link(self, page) -> str:
        return self._absolute(page.get_url(request=self.request))

    def item_description(self, page) -> str:
        return _("%(rating)s. %(facts)s") % {
            "rating": page.get_rating_display(),
            "facts": page.standfirst,
        }

    def item_author_name(self, page) -> str:
        return conf.get("CLARIFICATIONS_PUBLISHER")

    def item_pubdate(self, page):
        return page.date_published

    def item_updateddate(self, page):
        return page.last_published_at or page.date_published

    def item_categories(self, page) -> tuple[str, ...]:
        return (str(page.get_rating_display()),)

    def item_extra_kwargs(self, page) -> dict:
        base = self.item_link(page)
        return {"content_html": feed_html(expand_db_html(page.facts), base)}


class ClarificationAtomFeed(ClarificationRssFeed):
    feed_type = _ContentAtom
