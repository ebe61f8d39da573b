"""The whole chain with real pages and the real engine: request Lao for a live Vietnamese
story, post-edit, review, publish, change the source, sync."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation

from cms.core.roles import reviewers_group_name, translators_group_name
from tests.factories import UserFactory
from tests.helpers import locale, story
from translations.models import MachineSegment, TranslationReview
from translations.models.workflow import ReviewState

pytestmark = pytest.mark.django_db

URL = "/lo/economy/coffee-exports/"
# Once approved, the page has a slug of its approved title (translations.slugs).
APPROVED_URL = "/lo/economy/kafeviadnam/"


def edit_segment(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, data=f"value={value}", content_type="application/x-www-form-urlencoded")


def test_lao_translation_from_request_to_sync(client, installed_models, multi, expect):
    source = story("coffee-exports")
    assert source.live
    assert client.get(URL).status_code == 404

    # An editor requests Lao; the immediate tasks backend drafts it at once.
    editor = UserFactory(groups=["Editors"])
    client.force_login(editor)
    response = client.post(
        reverse("translations:request", args=[source.pk]), {"locales": [locale("lo").pk]}
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=locale("lo")
    )
    review = TranslationReview.objects.get(translation=translation)
    assert review.state == ReviewState.POST_EDIT

    # A Lao draft exists; the public URL shows nothing new.
    lao = source.get_translation(locale("lo"))
    assert not lao.live
    assert client.get(URL).status_code == 404
    draft = lao.get_latest_revision_as_object()
    assert draft.title == expect(source.title, multi)
    assert draft.standfirst == expect(source.standfirst, multi)

    # The Lao translator edits one segment in wagtail-localize's editor.
    translator = UserFactory(groups=[translators_group_name("lo")])
    client.force_login(translator)
    title_segment = StringSegment.objects.get(source=translation.source, context__path="title")
    assert edit_segment(client, translation, title_segment, "ກາເຟຫວຽດນາມ").status_code == 200
    client.post(reverse("translations:review_action", args=[review.pk, "submit"]))
    review.refresh_from_db()
    assert review.state == ReviewState.REVIEW

    # The reviewer approves: QA fails on this gibberish model output, so a reason is given.
    reviewer = UserFactory(groups=[reviewers_group_name("lo")])
    client.force_login(reviewer)
    client.post(reverse("translations:review_action", args=[review.pk, "approve"]))
    review.refresh_from_db()
    assert review.state == ReviewState.REVIEW, "QA failures block approval without a reason"
    client.post(
        reverse("translations:review_action", args=[review.pk, "approve"]),
        {"override_reason": "Test model output"},
    )
    review.refresh_from_db()
    assert review.state == ReviewState.APPROVED
    client.logout()
    page = client.get(APPROVED_URL)
    assert page.status_code == 200
    assert "ກາເຟຫວຽດນາມ" in page.content.decode()
    machine_title = MachineSegment.objects.get(translation=translation, context__path="title")
    assert machine_title.final_text == "ກາເຟຫວຽດນາມ"
    assert machine_title.edit_distance > 0

    # The source changes: the Lao page stays as approved and shows as outdated.
    source.standfirst = "Việt Nam xuất khẩu cà phê sang hơn 80 quốc gia."
    source.save_revision().publish()
    review.refresh_from_db()
    assert review.is_outdated
    assert "ກາເຟຫວຽດນາມ" in client.get(APPROVED_URL).content.decode()
    live_standfirst = story("kafeviadnam", "lo").standfirst

    # A sync brings the new segment in as MT and keeps the edited one; still not live.
    client.force_login(translator)
    client.post(reverse("translations:review_action", args=[review.pk, "sync"]))
    review.refresh_from_db()
    assert review.state == ReviewState.POST_EDIT
    assert not review.is_outdated
    lao = story("kafeviadnam", "lo")
    draft = lao.get_latest_revision_as_object()
    assert draft.title == "ກາເຟຫວຽດນາມ"
    assert draft.standfirst == expect(source.standfirst, multi)
    assert lao.standfirst == live_standfirst
    client.logout()
    assert client.get(APPROVED_URL).content.decode().count("ກາເຟຫວຽດນາມ") >= 1
    assert expect(source.standfirst, multi) not in client.get(APPROVED_URL).content.decode()
