"""What a kiosk downloads: the latest live, public stories and gallery photos of its
sections, in each of its languages, as one JSON-ready dict (``bundle.json``)."""

import logging
from functools import reduce
from itertools import zip_longest
from operator import or_

from django.utils import timezone
from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale, Page

from cms.core.languages import language_name
from cms.galleries.models import GalleryPage
from cms.stories.models import SectionPage, StoryPage

from . import conf
from .models import Display

logger = logging.getLogger(__name__)


def story_key(page: Page) -> str:
    return f"story:{page.pk}"


def photo_key(page: Page, index: int) -> str:
    return f"photo:{page.pk}:{index}"


def image_json(request, image, alt: str) -> dict | None:
    """The image's rendition for the kiosk; None (the item shows without it) when there is
    none or its file is missing, since one lost file must not blank every kiosk."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(conf.get("DISPLAYS_IMAGE_RENDITION"))
    except SourceImageIOError:
        logger.warning("Image %s has no file; the kiosk shows its item without it.", image.pk)
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def translated_sections(display: Display, locale: Locale) -> list[SectionPage]:
    """The display's (source-language) sections as they exist, live, in ``locale``."""
    keys = [section.translation_key for section in display.sections.all()]
    return list(SectionPage.objects.live().public().filter(translation_key__in=keys, locale=locale))


def language_items(request, display: Display, locale: Locale) -> list[dict]:
    """Up to ``items_per_language`` items of one language, newest first: each story, and
    each photo of each gallery."""
    sections = translated_sections(display, locale)
    if not sections:
        return []
    limit = display.items_per_language
    label = language_name(locale.language_code)
    under = reduce(or_, (Page.objects.child_of_q(section) for section in sections))
    stories = (
        StoryPage.objects.live()
        .public()
        .filter(under)
        .select_related("hero_image")
        .order_by("-date_published")[:limit]
    )
    galleries = (
        GalleryPage.objects.live().public().filter(under).order_by("-date_published")[:limit]
    )
    found = []
    for story in stories:
        found.append(
            (
                story.date_published,
                {
                    "id": story_key(story),
                    "kind": "story",
                    "title": story.title,
                    "summary": story.standfirst,
                    "image": image_json(request, story.hero_image, story.hero_alt or story.title),
                    "url": request.build_absolute_uri(story.url),
                },
            )
        )
    for gallery in galleries:
        photos = [item.value for item in gallery.items if item.block_type == "photo"]
        for index, photo in enumerate(photos):
            found.append(
                (
                    gallery.date_published,
                    {
                        "id": photo_key(gallery, index),
                        "kind": "photo",
                        "title": gallery.title,
                        "summary": photo.get("caption") or gallery.intro,
                        "credit": photo.get("credit", ""),
                        "image": image_json(request, photo["image"], photo["alt_text"]),
                        "url": request.build_absolute_uri(gallery.url),
                    },
                )
            )
    found.sort(key=lambda pair: pair[0], reverse=True)
    items = [item for _date, item in found[:limit]]
    for item in items:
        item.update(language=locale.language_code, language_label=label)
    return items


def build_bundle(request, display: Display) -> dict:
    """The display's bundle; languages alternate item by item so that every audience at
    the gate sees something in its language every few items."""
    codes = display.language_codes()
    locales = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)
    }
    per_language = [
        language_items(request, display, locales[code]) for code in codes if code in locales
    ]
    items = [item for group in zip_longest(*per_language) for item in group if item is not None]
    return {
        "display": display.slug,
        "name": display.name,
        "generated_at": timezone.now().isoformat(),
        "seconds_per_item": display.seconds_per_item,
        "heartbeat_seconds": display.heartbeat_seconds,
        "refresh_seconds": conf.get("DISPLAYS_REFRESH_SECONDS"),
        "languages": [{"code": code, "label": language_name(code)} for code in codes],
        "items": items,
    }
