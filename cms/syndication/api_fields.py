"""Fields of the partner API (Wagtail API v2) beyond Wagtail's own: absolute URLs, the
story's classification, lead image renditions, full HTML, licence, translations and the
machine-translation label. Each is a read-only DRF field over the whole page."""

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.models import Page

from cms.galleries.models import GalleryPage
from cms.provinces.models import ProvincePage
from cms.stories.models import SectionPage, StoryPage

from . import content

RENDITIONS = {
    "large": "fill-1200x675|format-webp",
    "share": content.SHARE_RENDITION,
    "thumbnail": "fill-400x225|format-webp",
}


class PageValueField(Field):
    """``getter(request, page)`` as the field's value."""

    def __init__(self, getter, **kwargs):
        self.getter = getter
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return self.getter(self.context.get("request"), page)


def _url(request, page: Page) -> str:
    return content.absolute(request, page.get_url(request=request))


def _translations(request, page: Page) -> list[dict]:
    return [
        {"id": other.pk, "locale": other.locale.language_code, "url": _url(request, other)}
        for other in content.live_translations(page).exclude(pk=page.pk)
    ]


def _lead_image(request, page: Page) -> dict | None:
    image, alt = content.lead_image(page)
    if image is None:
        return None
    data = {"id": image.pk, "alt": alt}
    for name, spec in RENDITIONS.items():
        rendition = image.get_rendition(spec)
        data[name] = {
            "url": content.absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    return data


def _section(request, page: Page) -> dict | None:
    parent = page.get_parent()
    if parent is None or not isinstance(parent.specific, SectionPage):
        return None
    return {"id": parent.pk, "slug": parent.slug, "title": parent.title}


def _province(request, page: Page) -> dict | None:
    province = getattr(page.specific, "province", None)
    return {"code": province.code, "name": province.name} if province else None


def _topics(request, page: StoryPage) -> list[dict]:
    return [{"slug": topic.slug, "name": topic.name} for topic in page.topics.all()]


def _date(request, page: Page) -> str:
    return content.published(page).isoformat()


def _mt_label(request, page: Page) -> str | None:
    return content.mt_label() if page.pk in content.machine_translated([page]) else None


def field(name: str, getter) -> APIField:
    return APIField(name, serializer=PageValueField(getter))


# Every page: its absolute URL, licence, the MT label (or null) and its translations.
COMMON = [
    field("url", _url),
    field("licence", lambda request, page: content.licence()),
    field("mt_label", _mt_label),
    field("translations", _translations),
]
DESCRIPTION = field("description", lambda request, page: content.description(page))
BODY_HTML = field("body_html", content.body_html)

BY_MODEL = {
    StoryPage: [
        APIField("standfirst"),
        APIField("body"),
        BODY_HTML,
        field("date", _date),
        field("author", lambda request, page: content.author(page)),
        field("section", _section),
        field("province", _province),
        field("topics", _topics),
        field("lead_image", _lead_image),
    ],
    GalleryPage: [
        APIField("intro"),
        BODY_HTML,
        field("date", _date),
        field("section", _section),
        field("province", _province),
        field("lead_image", _lead_image),
    ],
    ProvincePage: [BODY_HTML, field("province", _province)],
}


def body_fields(model) -> list[APIField]:
    return [DESCRIPTION, *BY_MODEL.get(model, [])]
