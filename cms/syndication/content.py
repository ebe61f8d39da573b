"""What feeds, the API, sitemaps and the page head say about a page: its plain-text
description, lead image, full HTML, licence and machine-translation label.

Every URL given out here is absolute (built on the request), since feeds, the API and
social networks are read away from the site.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from cms.galleries.models import GalleryPage
from cms.provinces.models import ProvincePage
from cms.stories.models import StoryPage
from cms.text.html import feed_html
from translations.models import MachineSegment

from . import conf

# Renditions given to partners and social networks: 1200 wide, JPEG for the widest reach.
SHARE_RENDITION = "fill-1200x630|format-jpeg"
FEED_RENDITION = "width-1200|format-jpeg"
DESCRIPTION_LENGTH = 300


@dataclass(frozen=True)
class ImageLink:
    url: str
    width: int
    height: int
    alt: str
    mime_type: str = "image/jpeg"


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def description(page: Page) -> str:
    """Plain text: the search description, else the standfirst or introduction, else
    the province profile, cut near DESCRIPTION_LENGTH characters."""
    page = page.specific
    text = (
        page.search_description
        or getattr(page, "standfirst", "")
        or getattr(page, "intro", "")
        or strip_tags(getattr(page, "profile", "") or "")  # the only rich-text field
    )
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def lead_image(page: Page) -> tuple[AbstractImage | None, str]:
    """The page's lead image and its alternative text: a story's hero image, a gallery's
    first photo."""
    page = page.specific
    if isinstance(page, StoryPage) and page.hero_image_id:
        return page.hero_image, page.hero_alt or page.title
    if isinstance(page, GalleryPage) and (photo := page.first_photo):
        return photo["image"], photo["alt_text"]
    return None, ""


def image_link(request, page: Page, spec: str = SHARE_RENDITION) -> ImageLink | None:
    image, alt = lead_image(page)
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return ImageLink(absolute(request, rendition.url), rendition.width, rendition.height, alt)


def body_html(request, page: Page) -> str:
    """The page's rendered content through the feed allow-list (``cms.text.html``); a
    story's starts with its standfirst."""
    page = page.specific
    context = {"request": request, "page": page}
    if isinstance(page, StoryPage):
        html = format_html("<p>{}</p>{}", page.standfirst, page.body.render_as_block(context))
    elif isinstance(page, GalleryPage):
        html = page.items.render_as_block(context)
    elif isinstance(page, ProvincePage):
        html = render_to_string("syndication/province_body.html", context)
    else:
        html = ""
    return feed_html(str(html), absolute(request, page.get_url(request=request) or "/"))


def machine_translated(pages) -> set[int]:
    """Ids of the pages among ``pages`` whose text began as a machine translation (a
    ``MachineSegment`` of machine origin exists for their wagtail-localize translation).
    Live pages were approved by a reviewer, hence the label's wording. One query."""
    pages = list(pages)
    if not pages:
        return set()
    keys = {page.translation_key for page in pages}
    done = set(
        MachineSegment.objects.filter(
            origin="mt", translation__source__object_id__in=keys
        ).values_list("translation__source__object_id", "translation__target_locale_id")
    )
    return {page.pk for page in pages if (page.translation_key, page.locale_id) in done}


def mt_label() -> str:
    return _("Machine-translated, reviewed by a human")


def licence() -> dict[str, str]:
    return {"name": conf.get("SYNDICATION_LICENCE"), "url": conf.get("SYNDICATION_LICENCE_URL")}


def author(page: Page) -> str:
    """A story's source when it names one, else the publisher."""
    return getattr(page.specific, "source_name", "") or conf.get("SYNDICATION_PUBLISHER")


def published(page: Page):
    page = page.specific
    return getattr(page, "date_published", None) or page.first_published_at


def live_translations(page: Page):
    """The page and its live, public translations, with their locales."""
    return page.get_translations(inclusive=True).live().public().select_related("locale")
