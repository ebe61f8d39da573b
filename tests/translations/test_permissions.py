"""Nothing machine-made is published without approval, by any route."""

import pytest
from django.urls import reverse
from wagtail.actions.publish_page_revision import PublishPagePermissionError

from cms.core.roles import reviewers_group_name
from tests.factories import UserFactory
from tests.helpers import locale, story
from translations.operations.drafting import draft_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(installed_models):
    page = story("ha-long-bay")
    draft_translation(page, locale("lo"))
    return story("ha-long-bay", "lo")


def test_reviewer_cannot_publish_a_pending_draft_directly(pending):
    reviewer = UserFactory(groups=[reviewers_group_name("lo")])
    assert not pending.permissions_for_user(reviewer).can_publish()
    with pytest.raises(PublishPagePermissionError):
        pending.get_latest_revision().publish(user=reviewer)


def test_localize_editor_publish_button_is_refused(client, pending):
    reviewer = UserFactory(groups=[reviewers_group_name("lo")])
    title = pending.title
    client.force_login(reviewer)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[pending.pk]), {"action": "publish"}
    )
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.title == title


def test_bulk_publish_is_refused(client, pending):
    reviewer = UserFactory(groups=[reviewers_group_name("lo")])
    client.force_login(reviewer)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={pending.pk}", {"include_descendants": False})
    pending.refresh_from_db()
    assert pending.live_revision_id != pending.latest_revision_id


def test_wagtail_localize_sync_view_is_replaced(client, pending, admin_user):
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get(
        object_id=pending.translation_key, locale__language_code="vi"
    )
    client.force_login(admin_user)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = client.get(url)
    assert b"Sync as drafts" in response.content
    title = pending.title
    client.post(url, {"publish_translations": "on"})
    pending.refresh_from_db()
    assert pending.title == title
