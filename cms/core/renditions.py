"""The one table of image renditions the public templates use.

Each named use (a story's hero, an image in a body, a gallery photo) has filter specs in
Wagtail's brace syntax and the ``sizes`` the browser picks a width with. Templates render
them with ``{% picture_of image "body" %}`` (cms.core.templatetags.media_tags) and the
background task (cms.core.tasks) creates every one of them when an image is saved, so no
reader's request has to wait for an image to be resized or encoded.
"""

import hashlib
from dataclasses import dataclass
from typing import Any

from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from . import page_cache

FORMATS = "format-{avif,webp,jpeg}"  # <source> order: AVIF, then WebP; JPEG is the <img>


@dataclass(frozen=True)
class PictureSpec:
    sizes: str
    resize: str  # a Wagtail resize filter; braces give one rendition per width

    def filter_specs(self) -> list[str]:
        return Filter.expand_spec(f"{self.resize}|{FORMATS}")


PICTURES: dict[str, PictureSpec] = {
    "hero": PictureSpec(
        resize="fill-{480x270,800x450,1200x675}", sizes="(min-width: 75rem) 75rem, 100vw"
    ),
    "body": PictureSpec(resize="width-{400,800,1200}", sizes="(min-width: 48rem) 45rem, 100vw"),
    # Thumbnails in the grid; the lightbox shows the same sources at the screen's width.
    "gallery": PictureSpec(resize="width-{400,800,1600}", sizes="(min-width: 48rem) 33vw, 100vw"),
}


# A video's poster attribute takes one address: a JPEG every browser shows.
POSTER = "width-1200|format-jpeg"


def all_filter_specs() -> list[str]:
    """Every filter spec of every use, once each."""
    specs = [s for spec in PICTURES.values() for s in spec.filter_specs()]
    return list(dict.fromkeys([*specs, POSTER]))


def generate(image: AbstractImage) -> int:
    """Create the renditions of ``image`` that do not exist yet; returns how many exist."""
    return len(image.get_renditions(*all_filter_specs()))


def largest(image: AbstractImage, use: str) -> AbstractRendition:
    """The widest JPEG of a use: the link of a gallery photo without JavaScript."""
    jpegs = [s for s in PICTURES[use].filter_specs() if s.endswith("format-jpeg")]
    return max(get_renditions_or_not_found(image, jpegs).values(), key=lambda r: r.width)


def picture_html(image: AbstractImage, use: str, **attrs: Any) -> str:
    """A ``<picture>``: AVIF and WebP sources, a JPEG ``<img>`` with srcset, sizes, width
    and height. ``attrs`` go on the ``<img>`` (alt, loading, fetchpriority...) and are
    escaped there; ``alt=""`` marks an image as decorative."""
    spec = PICTURES[use]

    def build() -> str:
        renditions = get_renditions_or_not_found(image, spec.filter_specs())
        return Picture(renditions, {"sizes": spec.sizes, "decoding": "async", **attrs}).__html__()

    # Kept as a page-cache fragment: Wagtail's rendition lookup costs a cache read and,
    # as it writes what it read back to the cache, a write. A new file or focal point
    # names another fragment.
    focal_point = (
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )
    source = (image.pk, image.file.name, focal_point, use, sorted(attrs.items()))
    name = hashlib.sha256(repr(source).encode()).hexdigest()
    return page_cache.fragment(f"picture:{name}", build)
