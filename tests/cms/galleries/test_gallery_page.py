"""The public gallery: responsive thumbnails, each with its own alternative text and
caption, a lightbox dialog and its script loaded from a static file."""

import pytest
from bs4 import BeautifulSoup

from cms.core.renditions import PICTURES
from tests.cms.core.media import check_picture, new_image
from tests.factories import GalleryPageFactory
from tests.helpers import section

pytestmark = pytest.mark.django_db


def test_gallery_renders_pictures_with_their_own_alt_and_caption(client):
    images = [new_image(f"gallery-page-{n}", size=(1600, 1000)) for n in range(3)]
    alts = ["Núi đá lúc hoàng hôn", "Đồi xanh buổi sáng", "Biển lặng"]
    page = GalleryPageFactory(
        parent=section("culture"),
        slug="gallery-page",
        items=[
            ("photo", {"image": image, "alt_text": alt, "caption": f"Chú thích {n}", "credit": ""})
            for n, (image, alt) in enumerate(zip(images, alts, strict=True))
        ],
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    figures = soup.select(".gallery .gallery__figure")
    assert len(figures) == 3
    imgs = [check_picture(f.picture, PICTURES["gallery"].sizes) for f in figures]
    assert [img["alt"] for img in imgs] == alts
    assert [f.figcaption.text.strip() for f in figures] == [f"Chú thích {n}" for n in range(3)]
    assert [img["loading"] for img in imgs] == ["eager", "lazy", "lazy"]
    links = [f.select_one("a[data-lightbox-item]")["href"] for f in figures]
    assert all(link.endswith(".jpg") and "width-1600" in link for link in links), links

    dialog = soup.select_one("dialog[data-lightbox]")
    assert dialog["aria-label"]
    assert dialog.select_one("[aria-live=polite]")
    assert "{n}" in dialog["data-counter"] and "{total}" in dialog["data-counter"]
    script = soup.find("script", src=lambda src: src and src.endswith("js/lightbox.js"))
    assert script is not None and script.has_attr("defer") and not script.string
    assert soup.find("link", href=lambda href: href and href.endswith("css/lightbox.css"))
    assert not soup.find(attrs={"style": True})


def test_alt_text_and_caption_are_escaped(client):
    payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    page = GalleryPageFactory(
        parent=section("culture"),
        slug="gallery-escaping",
        items=[
            (
                "photo",
                {
                    "image": new_image("gallery-escaping", size=(800, 600)),
                    "alt_text": f"Ảnh {payload}",
                    "caption": f"Chú thích {payload}",
                    "credit": payload,
                },
            )
        ],
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one(".gallery__figure img")["alt"] == f"Ảnh {payload}"
    assert payload in soup.select_one(".gallery__figure figcaption").text
    assert not soup.select(".gallery script") and not soup.find(attrs={"onerror": True})
