"""Image uploads are capped in bytes and pixels: an oversized file, a file that is not an
image and a 121-megapixel decompression bomb are refused with a clear message, and no
Image row is created."""

import io
import os
import re
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

Image = get_image_model()


@pytest.fixture
def admin_client(admin_client, admin_user):
    """The admin in English, so the messages can be read."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


def png(width: int, height: int, mode: str = "1", noise: bool = False) -> bytes:
    if noise:
        picture = PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        picture = PILImage.new(mode, (width, height))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def upload(client, name: str, content: bytes):
    before = Image.objects.count()
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type="image/png")},
    )
    assert Image.objects.count() == before, "an Image row was created"
    assert not Image.objects.filter(title=name).exists()
    return response.content.decode()


@pytest.mark.django_db
def test_a_121_megapixel_image_is_refused_before_it_is_decoded(admin_client):
    bomb = png(11000, 11000)
    assert len(bomb) < 100_000  # tiny on disk, 121 million pixels
    html = upload(admin_client, "bomb.png", bomb)
    assert "too many pixels" in html
    assert "40000000" in html


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024 * 1024)
def test_an_oversized_file_is_refused(admin_client):
    big = png(700, 700, noise=True)
    assert len(big) > 1024 * 1024
    html = upload(admin_client, "big.png", big)
    message = re.search(r"This file is too big[^<]*", html).group(0)
    assert re.search(r"Maximum filesize 1[.,]0\s+MB", message.replace("&nbsp;", " ")), message


@pytest.mark.django_db
def test_a_file_that_is_not_an_image_is_refused(admin_client):
    html = upload(admin_client, "notes.png", b"%PDF-1.4 this is not an image at all")
    assert "Upload a valid image" in html


@pytest.mark.django_db
def test_a_reasonable_image_is_accepted(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "fine", "file": SimpleUploadedFile("fine.png", png(64, 48, "RGB"))},
    )
    assert response.status_code == 302
    image = Image.objects.get(title="fine")
    assert (image.width, image.height) == (64, 48)


def test_pillow_refuses_to_decode_twice_the_limit():
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(png(9000, 9000)))  # 81 MP > 2 x 40 MP


def test_pillow_refuses_to_decode_above_the_limit_once_settings_are_loaded(tmp_path):
    """Pillow only warns between 1x and 2x its limit; the settings make that an error too
    (checked in a fresh process: pytest resets warning filters around each test)."""
    picture = tmp_path / "64mp.png"
    picture.write_bytes(png(8000, 8000))
    code = f"import django; django.setup()\nfrom PIL import Image\nImage.open({str(picture)!r})\n"
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "DecompressionBombWarning" in result.stderr
