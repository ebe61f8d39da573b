"""Checking a visitor's photo before anything is stored.

A photo is accepted only when it is small enough in bytes and in pixels (a few kilobytes
of PNG can claim billions of pixels: a decompression bomb), Pillow recognises it as JPEG,
PNG or WebP from its content (not its name), ``verify()`` finds it intact and it decodes.
It is then encoded again without its metadata, which drops EXIF (GPS position included)."""

import warnings
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from . import conf

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _not_an_image() -> ValidationError:
    return ValidationError(
        _("The photo must be a JPEG, PNG or WebP image; this file is not one."), code="format"
    )


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The photo has too many pixels (at most %(limit)s megapixels). Send a smaller one.")
        % {"limit": round(conf.get("SUBMISSIONS_MAX_PIXELS") / 1_000_000)},
        code="pixels",
    )


def _open(data: bytes) -> Image.Image:
    """The decoded image; raises ValidationError for anything else."""
    max_pixels = conf.get("SUBMISSIONS_MAX_PIXELS")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as probe:
                if probe.format not in FORMATS:
                    raise _not_an_image()
                width, height = probe.size
                if width * height > max_pixels:
                    raise _too_many_pixels()
                probe.verify()
            image = Image.open(BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _not_an_image() from None
    return image


def checked_photo(upload) -> ContentFile:
    """The upload encoded again without metadata, named ``photo.<ext>``."""
    max_bytes = conf.get("SUBMISSIONS_MAX_UPLOAD_BYTES")
    if upload.size > max_bytes:
        raise ValidationError(
            _("The photo is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="size",
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    image = _open(data)
    kind = image.format
    image = ImageOps.exif_transpose(image)
    if kind == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    output = BytesIO()
    if kind == "PNG":
        image.save(output, "PNG")
    else:
        image.save(output, kind, quality=90)
    return ContentFile(output.getvalue(), name=f"photo.{FORMATS[kind]}")
