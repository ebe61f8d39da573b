"""Alternative text is required on publish, per image and per language; decorative images
need none; the photos of a gallery do not share one text."""

import html
import json

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.galleries.models import GalleryPage
from tests.cms.core.media import new_image
from tests.factories import GalleryPageFactory, UserFactory
from tests.helpers import section

pytestmark = pytest.mark.django_db

# The admin answers in its language (Vietnamese by default).
with translation.override(settings.LANGUAGE_CODE):
    ALT_REQUIRED = gettext("Describe the image, or mark it as decorative.")
    ALT_REPEATED = gettext("Another photo of this gallery has the same alternative text.")


def photo(image, alt="", decorative=False, caption=""):
    value = {"image": image.pk, "alt_text": alt, "caption": caption, "credit": ""}
    if decorative:
        value["decorative"] = "on"
    return ("photo", value)


def publish(client, page, items):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").copy()
    data.update(nested_form_data({"items": streamfield(items)}))
    data["action-publish"] = "action-publish"
    return client.post(url, data)


def shows(message: str, response) -> bool:
    """The admin shows a block's error inside the form's JSON, non-ASCII letters escaped."""
    page = html.unescape(response.content.decode())
    return message in page or json.dumps(message)[1:-1] in page


@pytest.fixture
def gallery():
    return GalleryPageFactory(parent=section("culture"), title="Thư viện ảnh", slug="alt-tests")


@pytest.fixture
def images():
    return [new_image(f"gallery-alt-{n}", size=(400, 300)) for n in range(2)]


def test_publishing_a_photo_without_alt_text_fails_with_the_reason(client, gallery, images):
    response = publish(client, gallery, [photo(images[0], alt="   ")])
    assert response.status_code == 200
    assert shows(ALT_REQUIRED, response)
    assert len(GalleryPage.objects.get(pk=gallery.pk).items) == 0


def test_a_decorative_photo_needs_no_alt_text_and_is_silent(client, gallery, images):
    response = publish(client, gallery, [photo(images[0], decorative=True)])
    assert response.status_code == 302, response.content.decode()[:2000]
    page = GalleryPage.objects.get(pk=gallery.pk)
    assert page.live and page.items[0].value["decorative"] is True
    html = client.get(page.url).content.decode()
    assert 'alt=""' in html


def test_each_photo_of_a_gallery_has_its_own_alt_text(client, gallery, images):
    same = [photo(images[0], alt="Núi đá"), photo(images[1], alt=" núi  ĐÁ ")]
    response = publish(client, gallery, same)
    assert response.status_code == 200
    assert shows(ALT_REPEATED, response)

    own = [photo(images[0], alt="Núi đá lúc hoàng hôn"), photo(images[1], alt="Đồi xanh buổi sáng")]
    response = publish(client, gallery, own)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = GalleryPage.objects.get(pk=gallery.pk)
    assert [item.value["alt_text"] for item in page.items] == [
        "Núi đá lúc hoàng hôn",
        "Đồi xanh buổi sáng",
    ]
