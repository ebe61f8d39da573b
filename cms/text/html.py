"""The one place that decides which HTML written by someone else may be shown as markup.

Each purpose has its own allow-list; everything else is escaped or stripped by nh3
(ammonia). Callers never mark user, translator, feed, import or visitor text safe
themselves: they pass it through a function here.
"""

import html
import re
from urllib.parse import urljoin, urlsplit

import nh3
from django.utils.safestring import SafeString, mark_safe

# Inline tags that wagtail-localize keeps inside a segment (``<b>``, ``<a id="a1">``).
# Links keep only their id (wagtail-localize stores the real href outside the segment).
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


# Items fetched from provincial portals and press agencies (the aggregator): text,
# structure, tables, links and images, every address absolute and http(s).
FEED_ITEM_TAGS = {
    "p", "br", "a", "img", "strong", "em", "b", "i", "u", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "td", "th",
}  # fmt: skip
FEED_ITEM_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
WEB_SCHEMES = {"http", "https"}
WHITESPACE = re.compile(r"\s+")


def absolute_url(url: str, base_url: str) -> str | None:
    """``url`` joined to ``base_url``; None when empty or not http(s)."""
    url = (url or "").strip()
    if not url:
        return None
    joined = urljoin(base_url, url)
    return joined if urlsplit(joined).scheme in WEB_SCHEMES else None


def feed_item_html(value: str | None, base_url: str) -> str:
    """A fetched item's HTML: text, structure, links and images kept; scripts, styles,
    event handlers and anything that is not http(s) dropped; relative links and images
    made absolute against ``base_url``. A plain string, stored and escaped again when shown."""

    def attribute_filter(tag: str, attribute: str, text: str) -> str | None:
        if (tag, attribute) in (("a", "href"), ("img", "src")):
            return absolute_url(text, base_url)
        return text

    return nh3.clean(
        value or "",
        tags=FEED_ITEM_TAGS,
        attributes=FEED_ITEM_ATTRIBUTES,
        url_schemes=WEB_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        attribute_filter=attribute_filter,
        strip_comments=True,
    ).strip()


def plain_text(value: str | None, limit: int | None = None) -> str:
    """The text of an HTML fragment, whitespace collapsed, cut at a word before ``limit``
    characters (with an ellipsis)."""
    text = nh3.clean(value or "", tags=set())
    text = WHITESPACE.sub(" ", html.unescape(text)).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def first_image(value: str | None, base_url: str) -> str:
    """The absolute http(s) address of the fragment's first image, or ""."""
    match = re.search(r"<img[^>]+src=[\"']([^\"']+)", value or "", re.I)
    return (absolute_url(html.unescape(match.group(1)), base_url) or "") if match else ""


# The body of a story imported from an older portal (``manage.py import_stories``):
# paragraphs, emphasis, lists, subheadings, quotes and http(s) links; no images, which
# would be hot-linked from the old site.
IMPORTED_BODY_TAGS = {
    "p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "h2", "h3", "blockquote",
}  # fmt: skip
IMPORTED_BODY_ATTRIBUTES = {"a": {"href"}}


def imported_body_html(value: str | None) -> str:
    """An imported body as rich text source: the allow-list above, everything else
    stripped. Shown later through ``rich_text_html`` like any rich text."""
    return nh3.clean(
        str(value or ""),
        tags=IMPORTED_BODY_TAGS,
        attributes=IMPORTED_BODY_ATTRIBUTES,
        url_schemes=WEB_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
