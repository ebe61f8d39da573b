"""Hostile HTML in, safe HTML out: nh3 (ammonia) with absolute links and images."""

import html
import re
from urllib.parse import urljoin, urlsplit

import nh3

TAGS = {
    "p", "br", "a", "img", "strong", "em", "b", "i", "u", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "td", "th",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
SCHEMES = {"http", "https"}
WHITESPACE = re.compile(r"\s+")


def absolute(url: str, base: str) -> str | None:
    url = (url or "").strip()
    if not url:
        return None
    joined = urljoin(base, url)
    return joined if urlsplit(joined).scheme in SCHEMES else None


def clean_html(value: str, base_url: str) -> str:
    """Keep text, structure, links and images; drop scripts, styles, event handlers and
    anything that is not http(s). Relative links and images become absolute."""

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if (tag, attribute) in (("a", "href"), ("img", "src")):
            return absolute(value, base_url)
        return value

    return nh3.clean(
        value or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
        attribute_filter=attribute_filter,
        strip_comments=True,
    ).strip()


def plain_text(value: str, limit: int | None = None) -> str:
    text = nh3.clean(value or "", tags=set())
    text = WHITESPACE.sub(" ", html.unescape(text)).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def first_image(value: str, base_url: str) -> str:
    match = re.search(r"<img[^>]+src=[\"']([^\"']+)", value or "", re.I)
    return (absolute(html.unescape(match.group(1)), base_url) or "") if match else ""
