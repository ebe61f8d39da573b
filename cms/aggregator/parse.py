"""Feeds and listings from bytes: RSS 0.9x/1.0/2.0 and Atom (feedparser), JSON Feed, and
HTML listings read with per-source CSS selectors."""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

import feedparser
from bs4 import BeautifulSoup
from django.utils.translation import gettext as _

from cms.text.dates import parse_datetime
from cms.text.html import absolute_url, feed_item_html, first_image, plain_text

from .encoding import decode_document
from .errors import AggregatorError

SUMMARY_LENGTH = 400


class ParseError(AggregatorError):
    """The document is not what the source says; the message says what to do next."""


@dataclass
class ParsedItem:
    guid: str
    title: str
    link: str = ""
    summary: str = ""
    content_html: str = ""
    image_url: str = ""
    author: str = ""
    published_at: datetime | None = None

    def as_dict(self) -> dict:
        data = dict(self.__dict__)
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        return data


@dataclass
class ParsedFeed:
    format: str
    title: str = ""
    items: list[ParsedItem] = field(default_factory=list)
    encoding: str = ""
    warnings: list[str] = field(default_factory=list)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def _fallback_guid(link: str, title: str, published: datetime | None) -> str:
    basis = link or f"{title}|{published.isoformat() if published else ''}"
    return "sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()


def _untrusted_guids(entries: list[tuple[str, str]]) -> set[str]:
    """GUIDs a portal reused for different links (a known quirk) are not identities."""
    links: dict[str, set[str]] = {}
    for guid, link in entries:
        if guid:
            links.setdefault(guid, set()).add(link)
    return {guid for guid, seen in links.items() if len(seen) > 1}


def _entry_date(entry) -> datetime | None:
    for key in ("published", "updated", "created", "dc_date", "pubdate"):
        value = entry.get(key)
        if value:
            parsed = parse_datetime(value)
            if parsed:
                return parsed
    return None


def _entry_image(entry, content: str, base: str) -> str:
    for media in entry.get("media_content", []) + entry.get("media_thumbnail", []):
        url = absolute_url(media.get("url", ""), base)
        if url:
            return url
    for enclosure in entry.get("enclosures", []):
        if enclosure.get("type", "").startswith("image/"):
            url = absolute_url(enclosure.get("href", ""), base)
            if url:
                return url
    return first_image(content, base)


def parse_feed(text: str, base_url: str) -> ParsedFeed:
    parsed = feedparser.parse(
        text.encode("utf-8"),
        response_headers={"content-location": base_url},
        sanitize_html=False,  # nh3 does it, keeping what feedparser would drop
        resolve_relative_uris=False,
    )
    if not parsed.version:
        if _looks_like_html(text):
            raise ParseError(
                _(
                    "The URL returned an HTML page, not a feed. Find the portal's feed URL, or "
                    "set the source's kind to 'HTML listing' with CSS selectors."
                )
            )
        reason = getattr(parsed, "bozo_exception", None)
        raise ParseError(_("Not a feed: %(reason)s") % {"reason": reason or _("unknown format")})
    base = parsed.feed.get("link") or base_url
    base = absolute_url(base, base_url) or base_url
    raw = []
    for entry in parsed.entries:
        link = absolute_url(entry.get("link", ""), base) or ""
        raw.append((entry, entry.get("id", "") or "", link))
    untrusted = _untrusted_guids([(guid, link) for _, guid, link in raw])
    feed = ParsedFeed(format=parsed.version, title=plain_text(parsed.feed.get("title", "")))
    if untrusted:
        feed.warnings.append(
            _("Some GUIDs are reused for different links; links are used instead.")
        )
    for entry, guid, link in raw:
        content, content_base = "", ""
        if entry.get("content"):
            content = entry.content[0].get("value", "")
            content_base = entry.content[0].get("base", "")
        description = entry.get("summary", "") or content
        detail = entry.get("summary_detail") or {}
        html_base = absolute_url(content_base or detail.get("base", ""), base) or link or base
        published = _entry_date(entry)
        title = plain_text(entry.get("title", "")) or plain_text(description, 120)
        if not title:
            continue
        if not guid or guid in untrusted:
            guid = link or _fallback_guid(link, title, published)
        feed.items.append(
            ParsedItem(
                guid=guid,
                title=title,
                link=link,
                summary=plain_text(description, SUMMARY_LENGTH),
                content_html=feed_item_html(content or description, html_base),
                image_url=_entry_image(entry, content or description, html_base),
                author=plain_text(entry.get("author", ""))[:255],
                published_at=published,
            )
        )
    return feed


def parse_json_feed(text: str, base_url: str) -> ParsedFeed:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ParseError(_("Not valid JSON: %(error)s") % {"error": error}) from error
    if not isinstance(data, dict) or "jsonfeed.org/version" not in str(data.get("version", "")):
        raise ParseError(_("JSON without a JSON Feed version: is this the right URL?"))
    base = absolute_url(data.get("home_page_url", ""), base_url) or base_url
    feed = ParsedFeed(format="jsonfeed", title=plain_text(str(data.get("title", ""))))
    for entry in data.get("items", []):
        if not isinstance(entry, dict):
            continue
        link = absolute_url(str(entry.get("url") or entry.get("external_url") or ""), base) or ""
        content = str(entry.get("content_html") or "")
        description = (
            str(entry.get("summary") or "") or content or str(entry.get("content_text") or "")
        )
        title = plain_text(str(entry.get("title") or "")) or plain_text(description, 120)
        if not title:
            continue
        published = parse_datetime(
            str(entry.get("date_published") or entry.get("date_modified") or "")
        )
        authors = entry.get("authors") or ([entry["author"]] if entry.get("author") else [])
        feed.items.append(
            ParsedItem(
                guid=str(entry.get("id") or link or _fallback_guid(link, title, published)),
                title=title,
                link=link,
                summary=plain_text(description, SUMMARY_LENGTH),
                content_html=feed_item_html(content or description, link or base),
                image_url=absolute_url(
                    str(entry.get("image") or entry.get("banner_image") or ""), base
                )
                or first_image(content, base),
                author=plain_text(str((authors[0] or {}).get("name", "")) if authors else "")[:255],
                published_at=published,
            )
        )
    return feed


def parse_html_listing(text: str, base_url: str, selectors: dict) -> ParsedFeed:
    if not selectors.get("item") or not selectors.get("title"):
        raise ParseError(_("An HTML listing needs at least the 'item' and 'title' selectors."))
    soup = BeautifulSoup(text, "html.parser")
    feed = ParsedFeed(format="html", title=plain_text(soup.title.string if soup.title else ""))

    def pick(node, name):
        selector = selectors.get(name)
        return node.select_one(selector) if selector else None

    for node in soup.select(selectors["item"]):
        title_node = pick(node, "title")
        if title_node is None:
            continue
        title = plain_text(title_node.get_text(" "))
        link_node = pick(node, "link") or (
            title_node if title_node.name == "a" else title_node.find("a")
        )
        link = absolute_url(link_node.get("href", "") if link_node else "", base_url) or ""
        date_node = pick(node, "date")
        date_text = (date_node.get("datetime") or date_node.get_text(" ")) if date_node else ""
        summary_node = pick(node, "summary")
        image_node = pick(node, "image")
        image = ""
        if image_node is not None:
            image = (
                absolute_url(image_node.get("src") or image_node.get("data-src") or "", base_url)
                or ""
            )
        published = parse_datetime(date_text)
        if not title:
            continue
        summary_html = str(summary_node) if summary_node else ""
        feed.items.append(
            ParsedItem(
                guid=link or _fallback_guid(link, title, published),
                title=title,
                link=link,
                summary=plain_text(summary_html, SUMMARY_LENGTH),
                content_html=feed_item_html(summary_html, link or base_url),
                image_url=image,
                published_at=published,
            )
        )
    if not feed.items:
        raise ParseError(_("The selectors matched no items: check them against the page."))
    return feed


def parse_document(
    data: bytes, base_url: str, kind: str = "feed", content_type: str = "", selectors=None
) -> ParsedFeed:
    """Parse fetched bytes as the source's kind says. Raises ParseError with advice."""
    if not data.strip():
        raise ParseError(_("The server returned an empty document."))
    text, encoding = decode_document(data, content_type)
    if kind == "jsonfeed":
        feed = parse_json_feed(text, base_url)
    elif kind == "html":
        feed = parse_html_listing(text, base_url, selectors or {})
    else:
        feed = parse_feed(text, base_url)
    feed.encoding = encoding
    return feed
