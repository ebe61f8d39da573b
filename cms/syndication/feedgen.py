"""Django's RSS 2.0 and Atom generators with full content, Media RSS and rights.

Extra item keys (passed through ``Feed.item_extra_kwargs``):

- ``content_html``: the full body as HTML (``content:encoded`` in RSS, ``<content
  type="html">`` in Atom), escaped as text by the XML writer;
- ``media``: an ``ImageLink`` written as ``<media:content medium="image">`` with its
  ``<media:description>`` (the alternative text);
- ``rights``: the licence (``dc:rights`` in RSS; Atom's own ``<rights>`` comes from
  ``item_copyright``).
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def _add_media(handler, media) -> None:
    if media is None:
        return
    handler.startElement(
        "media:content",
        {
            "url": media.url,
            "medium": "image",
            "type": media.mime_type,
            "width": str(media.width),
            "height": str(media.height),
        },
    )
    if media.alt:
        handler.addQuickElement("media:description", media.alt, {"type": "plain"})
    handler.endElement("media:content")


class MediaRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        if item.get("rights"):
            handler.addQuickElement("dc:rights", item["rights"])
        _add_media(handler, item.get("media"))


class MediaAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        _add_media(handler, item.get("media"))
