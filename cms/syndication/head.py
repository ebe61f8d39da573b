"""What the ``<head>`` of a public page says to search engines, social networks and feed
readers: canonical URL, description, Open Graph and Twitter cards, JSON-LD, feed links.
Rendered by ``{% syndication_head %}`` (templatetags) into syndication/head.html."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.core.params import PageParams
from cms.galleries.models import GalleryPage
from cms.provinces.models import ProvincePage
from cms.social import images as share_images
from cms.stories.models import SectionPage, StoryPage

from . import conf, content, jsonld


def hreflang(code: str) -> str:
    """``zh-hans`` → ``zh-Hans`` (BCP 47 casing, as hreflang and og:locale expect)."""
    return to_locale(code).replace("_", "-")


def x_default(urls_by_language: dict[str, str]) -> str | None:
    """The URL for readers of no listed language: English (the site's fallback
    language), else Vietnamese (the source language)."""
    for code in (settings.SITE_FALLBACK_LANGUAGE, settings.LANGUAGE_CODE):
        if code in urls_by_language:
            return urls_by_language[code]
    return None


def canonical_url(request, page: Page | None) -> str:
    """The page's absolute URL without query string; a section's ``?page=N`` (N > 1) is
    kept, since each page of a listing shows other items."""
    path = page.get_url(request=request) if page is not None else request.path
    url = content.absolute(request, path)
    if page is not None and isinstance(page.specific, SectionPage):
        number = PageParams(request.GET).usable().get("page")
        if number and number > 1:
            url = f"{url}?page={number}"
    return url


def feed_links(page: Page | None) -> list[dict]:
    """Feeds of the current language, and of the page's section or province."""
    title = _("Vietnam")
    links = [
        {"title": title, "type": "application/rss+xml", "href": reverse("feeds:rss")},
        {"title": title, "type": "application/atom+xml", "href": reverse("feeds:atom")},
    ]
    specific = page.specific if page is not None else None
    if isinstance(specific, SectionPage):
        for name, kind in (("rss", "rss+xml"), ("atom", "atom+xml")):
            links.append(
                {
                    "title": specific.title,
                    "type": f"application/{kind}",
                    "href": reverse(f"feeds:section_{name}", args=[specific.slug]),
                }
            )
    if isinstance(specific, ProvincePage | StoryPage) and specific.province_id:
        province = specific.province
        links.append(
            {
                "title": province.name,
                "type": "application/rss+xml",
                "href": reverse("feeds:province_rss", args=[province.code]),
            }
        )
    return links


def open_graph(request, page: Page | None, canonical: str, description: str) -> list:
    """(property, content) pairs for Open Graph and Twitter."""
    if page is None:
        return []
    page = page.specific
    is_article = isinstance(page, StoryPage | GalleryPage)
    title = page.seo_title or page.title
    tags = [
        ("og:site_name", conf.get("SYNDICATION_PUBLISHER")),
        ("og:title", title),
        ("og:type", "article" if is_article else "website"),
        ("og:url", canonical),
        ("og:locale", to_locale(page.locale.language_code)),
    ]
    for other in content.live_translations(page).exclude(pk=page.pk):
        tags.append(("og:locale:alternate", to_locale(other.locale.language_code)))
    if description:
        tags.append(("og:description", description))
    # A story's share image (headline over the photo), else the lead photo itself.
    image = share_images.link(request, page) or content.image_link(request, page)
    if image is not None:
        tags += [
            ("og:image", image.url),
            ("og:image:width", str(image.width)),
            ("og:image:height", str(image.height)),
            ("og:image:alt", image.alt),
        ]
    if is_article:
        tags.append(("article:published_time", content.published(page).isoformat()))
        if page.last_published_at:
            tags.append(("article:modified_time", page.last_published_at.isoformat()))
    tags += [
        ("twitter:card", "summary_large_image" if image else "summary"),
        ("twitter:title", title),
    ]
    if description:
        tags.append(("twitter:description", description))
    if image is not None:
        tags += [("twitter:image", image.url), ("twitter:image:alt", image.alt)]
    return tags


def head_context(request, page: Page | None) -> dict:
    if not isinstance(page, Page):
        page = None
    canonical = canonical_url(request, page)
    description = content.description(page) if page is not None else ""
    language = get_language()
    return {
        "canonical": canonical,
        "description": description,
        "open_graph": open_graph(request, page, canonical, description),
        "json_ld": [jsonld.script_json(item) for item in jsonld.page_data(request, page)],
        "feeds": feed_links(page),
        "manifest_url": reverse("feeds:manifest"),
        "theme_color": conf.get("SYNDICATION_THEME_COLOR"),
        "language": language,
        "x_default": _x_default_url(request, page),
    }


def _x_default_url(request, page: Page | None) -> str | None:
    if page is None:
        return None
    urls = {
        other.locale.language_code: content.absolute(request, other.get_url(request=request))
        for other in content.live_translations(page)
    }
    return x_default(urls)
