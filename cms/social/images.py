"""Share images: a 1200x630 JPEG per published page, its headline over the lead photo
(darkened towards the bottom so white text stays legible) or over the brand colour,
with the site name. Stored in media as ``ShareImage``; its file name carries a key of
what it shows, so the URL changes when the headline or photo does."""

import hashlib
import io
import logging
from dataclasses import dataclass
from functools import lru_cache

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image, ImageColor, ImageDraw
from wagtail.models import Page

from cms.stories.models import StoryPage

from . import conf, layout
from .models import ShareImage

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
DESIGN = "1"  # bump when the drawing changes, so every image is drawn again
HEADLINE_SIZES = (64, 58, 52, 46, 40)
MAX_LINES = 4
SITE_NAME_SIZE = 30
PHOTO_SPEC = "fill-1200x630|format-jpeg"  # the rendition the page head would use
LINE_SPACING = {"lao": 1.5, "khmer": 1.55}  # tall stacks of vowels and subscripts


@dataclass(frozen=True)
class ShareLink:
    url: str
    width: int
    height: int
    alt: str
    mime_type: str = "image/jpeg"


def site_name(language_code: str) -> str:
    with translation.override(language_code):
        return _("Vietnam")


def share_key(page: StoryPage) -> str:
    image = page.hero_image
    parts = [
        DESIGN,
        page.title,
        page.locale.language_code,
        site_name(page.locale.language_code),
        conf.get("SOCIAL_BRAND_COLOUR"),
        repr(conf.get("SOCIAL_FONTS")),
        f"{image.pk}:{image.file.name}:{image.get_focal_point()}" if image else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20]


def _background(page: StoryPage) -> Image.Image:
    brand = ImageColor.getrgb(conf.get("SOCIAL_BRAND_COLOUR"))
    if page.hero_image is None:
        base = Image.new("RGB", (WIDTH, HEIGHT), brand)
        darkest = 110
    else:
        rendition = page.hero_image.get_rendition(PHOTO_SPEC)
        with rendition.file.open("rb") as handle:
            base = Image.open(handle).convert("RGB")
        if base.size != (WIDTH, HEIGHT):
            base = base.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        darkest = 225
    base.paste(Image.new("RGB", (WIDTH, HEIGHT), (0, 0, 0)), (0, 0), _veil(darkest))
    return base


@lru_cache(maxsize=4)
def _veil(darkest: int) -> Image.Image:
    """A gradient mask from a light veil at the top (for the site name) to ``darkest``
    at the bottom (for the headline)."""
    alpha = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    return alpha.point(lambda v: int(60 + (darkest - 60) * (v / 255) ** 1.4))


def _headline_lines(title: str, language_code: str) -> tuple[list[str], layout.Style]:
    """The largest size at which the headline fits in MAX_LINES; else the smallest,
    its last line ending in an ellipsis."""
    max_width = WIDTH - 2 * MARGIN
    for size in HEADLINE_SIZES:
        style = layout.style_for(language_code, size)
        lines = layout.wrap(title, language_code, style, max_width)
        if len(lines) <= MAX_LINES:
            return lines, style
    lines = lines[:MAX_LINES]
    lines[-1] = layout.shorten(lines[-1], language_code, style, max_width)
    return lines, style


def render(page: StoryPage) -> bytes:
    """The share image of ``page`` as JPEG bytes. Raises ``fonts.FontMissing``."""
    language_code = page.locale.language_code
    canvas = _background(page)
    draw = ImageDraw.Draw(canvas)
    accent = ImageColor.getrgb(conf.get("SOCIAL_BRAND_COLOUR"))
    name_style = layout.style_for(language_code, SITE_NAME_SIZE)
    draw.rectangle((MARGIN, MARGIN, MARGIN + 10, MARGIN + SITE_NAME_SIZE + 6), fill=accent)
    layout.draw_line(
        draw, (MARGIN + 26, MARGIN + SITE_NAME_SIZE), site_name(language_code), name_style, "white"
    )
    lines, style = _headline_lines(page.title, language_code)
    size = style.chain[0].size
    step = size * LINE_SPACING.get(style.script, 1.25)
    baseline = HEIGHT - MARGIN - step * (len(lines) - 1)
    for line in lines:
        layout.draw_line(draw, (MARGIN, baseline), line, style, "white")
        baseline += step
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=86)
    return out.getvalue()


def current(page: Page) -> ShareImage | None:
    """The page's share image if it shows what the page shows now."""
    page = page.specific
    if not isinstance(page, StoryPage):
        return None
    share = ShareImage.objects.filter(page_id=page.pk).first()
    return share if share is not None and share.key == share_key(page) else None


def ensure(page: Page) -> ShareImage | None:
    """Draw and store the page's share image unless the stored one is current."""
    page = page.specific
    if not isinstance(page, StoryPage):
        return None
    key = share_key(page)
    share = ShareImage.objects.filter(page_id=page.pk).first()
    if share is not None and share.key == key and share.file:
        return share
    content = ContentFile(render(page), name=f"{page.pk}-{key}.jpg")
    old_name = share.file.name if share is not None else ""
    with transaction.atomic():
        share = share or ShareImage(page=page)
        share.key = key
        share.file = content
        share.save()
    if old_name and old_name != share.file.name:
        share.file.storage.delete(old_name)
    return share


def link(request, page: Page) -> ShareLink | None:
    """Where the page's current share image is, for its Open Graph and Twitter tags."""
    share = current(page)
    if share is None:
        return None
    url = share.file.url
    if request is not None:
        url = request.build_absolute_uri(url)
    return ShareLink(url, share.width, share.height, page.title)
