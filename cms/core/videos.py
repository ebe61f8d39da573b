"""Checks of uploaded video and caption files (cms.core.models.Video)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
VIDEO_MAX_BYTES = 500 * 1024 * 1024
CAPTIONS_MAX_BYTES = 1024 * 1024
# A file's first bytes, as each container starts (ISO base media: "ftyp" at offset 4).
_SIGNATURES = {"mp4": (4, b"ftyp"), "webm": (0, b"\x1a\x45\xdf\xa3")}


def language_choices() -> list[tuple[str, str]]:
    """The site's languages, read when a form is built (no migration per language)."""
    return list(settings.LANGUAGES)


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _head(file, size: int) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def validate_video(file) -> None:
    extension = _extension(file.name)
    if extension not in VIDEO_TYPES:
        raise ValidationError(
            _("Upload an MP4 or WebM video file."), code="video_type", params={"name": file.name}
        )
    if file.size > VIDEO_MAX_BYTES:
        raise ValidationError(
            _("This video is %(size)s; the largest allowed is %(limit)s."),
            code="video_size",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(VIDEO_MAX_BYTES)},
        )
    offset, magic = _SIGNATURES[extension]
    if _head(file, offset + len(magic))[offset:] != magic:
        raise ValidationError(
            _("This file is not an MP4 or WebM video, whatever its name says."),
            code="video_content",
        )


def validate_captions(file) -> None:
    if _extension(file.name) != "vtt":
        raise ValidationError(_("Upload captions as a WebVTT (.vtt) file."), code="vtt_type")
    if file.size > CAPTIONS_MAX_BYTES:
        raise ValidationError(
            _("This captions file is %(size)s; the largest allowed is %(limit)s."),
            code="vtt_size",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(CAPTIONS_MAX_BYTES),
            },
        )
    if not _head(file, 9).lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(_("A WebVTT file starts with the line WEBVTT."), code="vtt_content")
