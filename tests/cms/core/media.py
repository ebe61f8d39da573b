"""Images and pictures for the media tests."""

from io import BytesIO

from bs4 import Tag
from django.core.files.images import ImageFile
from wagtail.images.models import Image

from cms.demo.images import draw_landscape


def new_image(title: str, size=(1600, 900)) -> Image:
    """An image saved as the admin's upload saves it: with its size and hash, which
    Wagtail's rendition cache keys on (ids come back after each test's rollback)."""
    data = draw_landscape(title, (250, 190, 120), (60, 90, 110), size=size)
    image = Image(title=title, file=ImageFile(BytesIO(data), name=f"{title}.jpg"))
    image._set_image_file_metadata()
    image.save()
    return image


def check_picture(picture: Tag, sizes: str) -> Tag:
    """A <picture> with AVIF then WebP sources and a JPEG <img>, each with a srcset of
    several widths and the use's sizes; the <img> has width and height. Returns the <img>."""
    sources = picture.find_all("source")
    assert [s["type"] for s in sources] == ["image/avif", "image/webp"]
    img = picture.find("img")
    for element, extension in [(sources[0], ".avif"), (sources[1], ".webp"), (img, ".jpg")]:
        candidates = [c.strip().split(" ") for c in element["srcset"].split(",")]
        assert len(candidates) >= 2, element
        assert all(url.endswith(extension) and width.endswith("w") for url, width in candidates)
        assert element["sizes"] == sizes
    assert img["src"].endswith(".jpg")
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    return img
