from django import template
from wagtail.images.shortcuts import get_rendition_or_not_found

from cms.core.embeds import facade
from cms.core.renditions import POSTER, largest, picture_html

register = template.Library()


@register.simple_tag
def picture_of(image, use: str, alt: str = "", **attrs):
    """``{% picture_of image "body" alt=value.alt_text loading="lazy" %}``: the
    ``<picture>`` of one use in cms.core.renditions.PICTURES (nothing without an image)."""
    if not image:
        return ""
    return picture_html(image, use, alt=alt, **attrs)


@register.simple_tag
def embed_facade(value):
    """``{% embed_facade value.video as video %}``: see cms.core.embeds."""
    return facade(value)


@register.simple_tag
def largest_rendition(image, use: str):
    """``{% largest_rendition image "gallery" as full %}``: the widest JPEG of a use."""
    return largest(image, use) if image else None


@register.simple_tag
def poster_of(image):
    """``{% poster_of video.poster as poster %}``: the JPEG of a video's poster."""
    return get_rendition_or_not_found(image, POSTER) if image else None
