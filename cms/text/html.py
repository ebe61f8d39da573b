"""The one place that decides which HTML written by someone else may be shown as markup.

Each purpose has its own allow-list; everything else is escaped or stripped by nh3
(ammonia). Callers never mark user, translator, feed, import or visitor text safe
themselves: they pass it through a function here.
"""

from urllib.parse import urljoin

import nh3
from django.utils.safestring import SafeString, mark_safe

# Inline tags that wagtail-localize keeps inside a segment (``<b>``, ``<a id="a1">``).
# Links keep only their placeholder id: the real href lives outside the segment.
SEGMENT_TAGS = {"a", "b", "i", "strong", "em", "u", "code", "sub", "sup", "br", "span"}
SEGMENT_ATTRIBUTES = {"a": {"id"}, "span": {"id"}}


def segment_html(value: str | None) -> SafeString:
    """A translation segment as safe inline markup: allowed tags kept, other tags and
    their attributes removed, text escaped."""
    cleaned = nh3.clean(
        value or "",
        tags=SEGMENT_TAGS,
        attributes=SEGMENT_ATTRIBUTES,
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
    return mark_safe(cleaned)  # nh3 output under the allow-list above


def has_foreign_markup(value: str | None) -> bool:
    """True when the segment holds tags outside the allow-list, which ``segment_html``
    drops: the review screen then shows the raw text so the reviewer sees what was typed.
    Segments store a literal ``<`` as ``&lt;``, so every ``<`` opens a tag."""
    return bool(value) and value.count("<") != str(segment_html(value)).count("<")


# Full content in syndication feeds and the partner API: the markup our own block
# templates write, links and images made absolute against the site's address.
FEED_TAGS = {
    *("a", "aside", "b", "blockquote", "br", "dd", "div", "dl", "dt", "em", "figcaption"),
    *("figure", "footer", "h2", "h3", "h4", "i", "img", "li", "ol", "p", "span", "strong"),
    *("sub", "sup", "u", "ul"),
}
FEED_ATTRIBUTES = {"a": {"href", "hreflang"}, "img": {"src", "alt", "width", "height"}}


def feed_html(value: str | None, base_url: str) -> str:
    """HTML for a feed entry or an API field: allowed tags kept, scripts and styles
    dropped with their content, relative ``href`` and ``src`` joined to ``base_url``.
    A plain string: feeds and JSON escape it again as text."""

    def absolute(tag: str, attribute: str, text: str) -> str:
        return urljoin(base_url, text) if attribute in ("href", "src") else text

    return nh3.clean(
        value or "",
        tags=FEED_TAGS,
        attributes=FEED_ATTRIBUTES,
        attribute_filter=absolute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )


# Rich text on public pages, after Wagtail has expanded its links and images: what the
# editor's features produce (bold, italic, links, lists, headings, images, embeds' wrappers).
RICH_TEXT_TAGS = {
    *("a", "b", "blockquote", "br", "code", "div", "em", "figcaption", "figure", "h2"),
    *("h3", "h4", "hr", "i", "img", "li", "ol", "p", "strong", "sub", "sup", "u", "ul"),
}
RICH_TEXT_ATTRIBUTES = {
    "a": {"href", "hreflang", "title"},
    "img": {"src", "alt", "width", "height", "class", "loading"},
    "div": {"class"},
    "figure": {"class"},
}


def rich_text_html(value: str | None) -> SafeString:
    """Rich text for a public page: whatever reached the database (an import, the API, a
    migration, wagtail-localize), only the allow-list above comes out as markup."""
    cleaned = nh3.clean(
        str(value or ""),
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener",
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
    return mark_safe(cleaned)  # nh3 output under the allow-list above
