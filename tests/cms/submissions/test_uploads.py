"""Photos: size, real image formats, decompression bombs, metadata."""

from io import BytesIO

import pytest
from django.core import mail
from PIL import Image

from cms.submissions.models import Submission

from .factories import form_data, gps_exif, jpeg_bytes, photo_upload

pytestmark = pytest.mark.django_db
URL = "/en/contribute/"


def refused_upload(client, upload, message):
    before = Submission.objects.count()
    response = client.post(URL, form_data(photo=upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Submission.objects.count() == before
    assert mail.outbox == []


def test_oversized_photo(client, settings):
    settings.SUBMISSIONS_MAX_UPLOAD_BYTES = 2000
    data = jpeg_bytes(size=(200, 200), noise=True)
    assert len(data) > 2000
    refused_upload(client, photo_upload(data), "the largest accepted is")


def test_not_an_image(client):
    refused_upload(client, photo_upload(b"%PDF-1.4 not a photo", "photo.jpg"), "is not one")


def test_truncated_image(client):
    data = jpeg_bytes(size=(300, 300), noise=True)
    refused_upload(client, photo_upload(data[: len(data) // 2]), "is not one")


def test_other_image_format(client):
    output = BytesIO()
    Image.new("RGB", (10, 10)).save(output, "GIF")
    refused_upload(client, photo_upload(output.getvalue(), "photo.gif"), "is not one")


def test_decompression_bomb(client):
    output = BytesIO()
    Image.new("1", (8000, 8000)).save(output, "PNG")  # 64 megapixels in a few kB
    assert len(output.getvalue()) < 100_000
    refused_upload(client, photo_upload(output.getvalue(), "bomb.png"), "too many pixels")


def test_gps_is_stripped_and_the_name_is_random(client):
    data = jpeg_bytes(exif=gps_exif())
    assert Image.open(BytesIO(data)).getexif().get_ifd(0x8825)
    client.post(URL, form_data(photo=photo_upload(data, "Claire at home.jpg")))
    submission = Submission.objects.get(email="claire@example.org")
    assert "Claire" not in submission.photo.name
    with submission.photo.open("rb") as stored:
        image = Image.open(BytesIO(stored.read()))
        assert image.format == "JPEG"
        assert not image.getexif().get_ifd(0x8825)
        assert not image.getexif()
