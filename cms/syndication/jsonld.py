"""schema.org data for search engines: NewsArticle (stories), ImageGallery (galleries),
Organization (home pages) and a BreadcrumbList on every page below a home page.

``script_json`` serialises one object for a ``<script type="application/ld+json">``
element, as Django's ``json_script`` does for ``application/json``: ``<``, ``>`` and
``&`` become ``\\u003C``, ``\\u003E``, ``\\u0026``, so no text inside (a hostile title)
can close the element or open another one. JSON parsers read the escapes back as the
original characters.
"""

import json

from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from cms.galleries.models import GalleryPage
from cms.home.models import HomePage
from cms.stories.models import StoryPage

from . import conf, content

SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(data: dict) -> SafeString:
    """JSON text that is inert inside a ``<script>`` element (see the module docstring)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # no <, > or & left: cannot end the element


def organization(request) -> dict:
    return {
        "@type": "Organization",
        "name": conf.get("SYNDICATION_PUBLISHER"),
        "url": request.build_absolute_uri("/"),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static("img/icon-512.png")),
            "width": 512,
            "height": 512,
        },
    }


def _url(request, page: Page) -> str:
    return content.absolute(request, page.get_url(request=request))


def breadcrumbs(request, page: Page) -> dict | None:
    """Home page → ... → ``page``; None for a home page itself."""
    trail = [p for p in page.get_ancestors(inclusive=True).specific() if p.depth > 1]
    if len(trail) < 2:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": p.title, "item": _url(request, p)}
            for n, p in enumerate(trail, start=1)
        ],
    }


def _common(request, page: Page) -> dict:
    data = {
        "@context": "https://schema.org",
        "url": _url(request, page),
        "mainEntityOfPage": _url(request, page),
        "inLanguage": page.locale.language_code,
        "description": content.description(page),
        "datePublished": content.published(page).isoformat(),
        "dateModified": (page.last_published_at or content.published(page)).isoformat(),
        "publisher": organization(request),
        "license": content.licence()["url"],
        "isAccessibleForFree": True,
    }
    image = content.image_link(request, page)
    if image is not None:
        data["image"] = [image.url]
    return data


def news_article(request, page: StoryPage) -> dict:
    author_name = content.author(page)
    author = (
        organization(request)
        if author_name == conf.get("SYNDICATION_PUBLISHER")
        else {"@type": "Organization", "name": author_name}
    )
    data = {
        **_common(request, page),
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "author": [author],
    }
    parent = page.get_parent()
    if parent is not None:
        data["articleSection"] = parent.title
    keywords = [topic.name for topic in page.topics.all()]
    if keywords:
        data["keywords"] = keywords
    return data


def image_gallery(request, page: GalleryPage) -> dict:
    photos = [item.value for item in page.items if item.block_type == "photo"]
    return {
        **_common(request, page),
        "@type": "ImageGallery",
        "name": page.title,
        "associatedMedia": [
            {
                "@type": "ImageObject",
                "contentUrl": content.absolute(
                    request, photo["image"].get_rendition(content.FEED_RENDITION).url
                ),
                "caption": photo["caption"] or photo["alt_text"],
                "creditText": photo["credit"],
            }
            for photo in photos
        ],
    }


def home_organization(request, page: HomePage) -> dict:
    return {
        "@context": "https://schema.org",
        **organization(request),
        "url": _url(request, page),
        "description": content.description(page),
    }


def page_data(request, page: Page | None) -> list[dict]:
    """The JSON-LD objects for ``page``'s head, main entity first."""
    if page is None:
        return []
    page = page.specific
    items = []
    if isinstance(page, StoryPage):
        items.append(news_article(request, page))
    elif isinstance(page, GalleryPage):
        items.append(image_gallery(request, page))
    elif isinstance(page, HomePage):
        items.append(home_organization(request, page))
    elif callable(getattr(page, "json_ld", None)):  # other types describe themselves
        items.append(page.json_ld(request, organization(request)))
    if crumbs := breadcrumbs(request, page):
        items.append(crumbs)
    return items
