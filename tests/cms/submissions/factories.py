"""Factories and form data for public voices."""

import time
from io import BytesIO

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from cms.submissions.models import Contributor, Licence, Status, Submission
from cms.submissions.tokens import fill_token


class ContributorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contributor

    name = factory.Sequence(lambda n: f"Contributor {n}")
    slug = factory.Sequence(lambda n: f"contributor-{n}")
    country = "Germany"
    email = factory.Sequence(lambda n: f"contributor{n}@example.org")


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    language = "en"
    status = Status.PENDING
    name = factory.Sequence(lambda n: f"Author {n}")
    country = "Canada"
    email = factory.Sequence(lambda n: f"author{n}@example.org")
    title = factory.Sequence(lambda n: f"A view of Hue {n}")
    text = "The citadel at dawn is quiet.\n\nThe river is wide."
    consent_processing = True
    consent_name = True
    licence = Licence.CC_BY
    confirmed_at = factory.LazyFunction(timezone.now)


def jpeg_bytes(size=(64, 48), exif=None, noise=False) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    if noise:
        image = Image.effect_noise(size, 100).convert("RGB")
    output = BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(output, "JPEG", **kwargs)
    return output.getvalue()


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (21.0, 1.0, 40.0)
    gps[3] = "E"
    gps[4] = (105.0, 51.0, 15.0)
    return exif.tobytes()


def photo_upload(data: bytes | None = None, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else jpeg_bytes(), "image/jpeg")


def form_data(**overrides) -> dict:
    """A valid submission as the browser posts it, shown a minute ago."""
    data = {
        "name": "Claire Martin",
        "country": "France",
        "email": "claire@example.org",
        "title": "Rice terraces in Mu Cang Chai",
        "text": "In September the terraces turn gold.\n\nWe walked for two days.",
        "photo_description": "",
        "licence": Licence.CC_BY_SA,
        "consent_processing": "on",
        "consent_name": "on",
        "website": "",
        "started": fill_token(now=time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
