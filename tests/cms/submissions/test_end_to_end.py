"""A Khmer contribution from the form to a published page, then translated."""

import re
from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image

from cms.submissions.models import ContributionPage, Status, Submission
from cms.submissions.permissions import GROUP
from tests.factories import UserFactory
from tests.helpers import locale

from .factories import form_data, gps_exif, jpeg_bytes, photo_upload

pytestmark = pytest.mark.django_db

KHMER_TITLE = "ប្រាសាទនៅខេត្តក្វាងណាម"
KHMER_TEXT = "ខ្ញុំបានទៅលេងទីក្រុងហូយអាន។\n\nអាហារឆ្ងាញ់ណាស់ ហើយមនុស្សរួសរាយ។"
EDITED_TITLE = "ទីក្រុងហូយអាននៅពេលយប់"


def test_khmer_contribution_from_form_to_translation(client, installed_models):
    # The Khmer home page links to the Khmer form, which is in Khmer.
    assert 'href="/km/contribute/"' in client.get("/km/").content.decode()
    form_page = client.get("/km/contribute/")
    assert form_page.status_code == 200
    assert '<html lang="km">' in form_page.content.decode()
    assert 'name="started"' in form_page.content.decode()

    # A visitor sends a story with a photo that carries a GPS position.
    data = form_data(
        name="សុខ ដារ៉ា",
        country="Cambodia",
        email="Dara@Example.org",
        title=KHMER_TITLE,
        text=KHMER_TEXT,
        photo=photo_upload(jpeg_bytes(exif=gps_exif())),
        photo_description="ផ្លូវនៅហូយអាន",
    )
    response = client.post("/km/contribute/", data)
    assert response.status_code == 302
    assert response["Location"] == "/km/contribute/sent/"
    submission = Submission.objects.get(title=KHMER_TITLE)
    assert submission.language == "km"
    assert submission.status == Status.UNCONFIRMED
    assert submission.email == "dara@example.org"

    # Not in the queue before the address is confirmed.
    moderator = UserFactory(groups=[GROUP])
    client.force_login(moderator)
    assert KHMER_TITLE not in client.get(reverse("submissions_admin:queue")).content.decode()
    client.logout()

    # The mail holds the link; following it shows a button that confirms.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dara@example.org"]
    link = re.search(r"http://testserver(/km/contribute/confirm/[^/\s]+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    ask = client.get(link.group(1))
    assert ask.status_code == 200 and KHMER_TITLE in ask.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.UNCONFIRMED, "GET alone confirms nothing"
    client.post(link.group(1))
    submission.refresh_from_db()
    assert submission.status == Status.PENDING
    assert submission.confirmed_at is not None

    # The moderator sees it, edits the title and text, and approves.
    client.force_login(moderator)
    assert KHMER_TITLE in client.get(reverse("submissions_admin:queue")).content.decode()
    url = reverse("submissions_admin:moderate", args=[submission.pk])
    assert client.get(url).status_code == 200
    photo = client.get(reverse("submissions_admin:photo", args=[submission.pk]))
    assert photo.status_code == 200
    response = client.post(
        url,
        {
            "action": "approve",
            "title": EDITED_TITLE,
            "text": KHMER_TEXT + "\n\nកែសម្រួលដោយអ្នកសម្របសម្រួល។",
            "image_alt": "ផ្លូវនៅហូយអាននៅពេលយប់",
            "reason": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions_admin:queue")
    submission.refresh_from_db()
    assert submission.status == Status.APPROVED
    assert not submission.photo, "the waiting photo moved into Wagtail's images"

    # The page is live in the Khmer tree with the edits, the byline and the photo.
    page = ContributionPage.objects.get(pk=submission.page_id)
    assert page.live
    assert page.locale.language_code == "km"
    assert page.get_parent().specific.locale.language_code == "km"
    assert page.title == EDITED_TITLE
    assert page.author_name == "សុខ ដារ៉ា"
    assert page.image_alt == "ផ្លូវនៅហូយអាននៅពេលយប់"
    with page.image.file.open("rb") as stored:
        assert not Image.open(BytesIO(stored.read())).getexif().get_ifd(0x8825), "GPS removed"
    client.logout()
    public = client.get(page.url).content.decode()
    assert EDITED_TITLE in public and "កែសម្រួលដោយអ្នកសម្របសម្រួល។" in public
    assert "សុខ ដារ៉ា" in public
    assert "dara@example.org" not in public
    assert 'alt="ផ្លូវនៅហូយអាននៅពេលយប់"' in public
    approval = mail.outbox[-1]
    assert approval.to == ["dara@example.org"] and page.url in approval.body

    # It translates like any page: an English MT draft appears, not live.
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    response = client.post(
        reverse("translations:request", args=[page.pk]), {"locales": [locale("en").pk]}
    )
    assert response.status_code == 302
    english = page.get_translation(locale("en"))
    assert not english.live
    draft = english.get_latest_revision_as_object()
    assert draft.title and draft.title != EDITED_TITLE
    assert draft.author_name == "សុខ ដារ៉ា", "the byline is synchronised, not translated"
