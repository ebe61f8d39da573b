"""Roles by languages by actions: who may do what to a translated page, checked by effect.

Each case drafts the story "ha-long-bay" into Lao or Khmer with MT (a review waiting for
post-edit), logs in as one role and tries one action through the admin's own URL. The
assertion reads the database (and the public page where the action would change it), and
a refused action leaves an audit entry.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, WorkflowPage
from wagtail_localize.models import Translation

from cms.core.roles import (
    ADMINISTRATORS,
    EDITORS,
    MODERATORS,
    reviewers_group_name,
    translators_group_name,
)
from cms.stories.models import SectionPage
from tests.factories import UserFactory
from tests.helpers import home, locale, story
from translations import audit
from translations.models import TranslationReview, TranslationTask
from translations.operations.drafting import draft_translation

pytestmark = pytest.mark.django_db

ROLES = ["translator-lo", "reviewer-lo", "translator-km", "reviewer-km", "editor", "moderator"]
ROLES += ["admin"]
LANGUAGES = ["lo", "km"]
# Most actions are tried on the Lao tree only: the Khmer roles are the other language there.
LAO = ["lo"]


def make_user(role: str):
    if role == "admin":
        return UserFactory(groups=[ADMINISTRATORS], is_superuser=True, is_staff=True)
    groups = {"editor": EDITORS, "moderator": MODERATORS}
    if role in groups:
        return UserFactory(groups=[groups[role]])
    kind, language = role.split("-", 1)
    name = translators_group_name if kind == "translator" else reviewers_group_name
    return UserFactory(groups=[name(language)])


def is_reviewer_of(role: str, language: str) -> bool:
    return role == f"reviewer-{language}"


def manages(role: str, language: str) -> bool:
    """Publish rights in the language's tree."""
    return role in ("moderator", "admin") or is_reviewer_of(role, language)


@pytest.fixture
def draft(installed_models, request):
    language = request.param
    draft_translation(story("ha-long-bay"), locale(language))
    page = story("ha-long-bay", language)
    return language, page


def refusals(page) -> int:
    return PageLogEntry.objects.filter(page=page, action=audit.REFUSED).count()


@pytest.mark.parametrize("draft", LANGUAGES, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_delete(client, draft, role):
    language, page = draft
    client.force_login(make_user(role))
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    deleted = not Page.objects.filter(pk=page.pk).exists()
    assert deleted == manages(role, language)
    if not deleted:
        assert TranslationReview.objects.filter(
            translation__target_locale__language_code=language
        ).exists()


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_convert_to_alias(client, draft, role):
    language, page = draft
    client.force_login(make_user(role))
    before = refusals(page)
    client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    page.refresh_from_db()
    converted = page.alias_of_id is not None
    assert converted == (is_reviewer_of(role, language) or role == "admin")
    if not converted:
        assert refusals(page) == before + 1
        public = client.get(page.url).content.decode()
        assert page.title in public  # still the reviewed translation, not the source
        assert story("ha-long-bay").title not in public


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_stop_synchronisation(client, draft, role):
    language, page = draft
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language
    )
    client.force_login(make_user(role))
    assert client.get(
        reverse("wagtail_localize:stop_translation", args=[translation.pk])
    ).status_code in (403, 405)
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    translation.refresh_from_db()
    assert (not translation.enabled) == manages(role, language)


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_move_within_the_tree(client, draft, role):
    language, page = draft
    destination = (
        SectionPage.objects.filter(locale__language_code=language)
        .exclude(pk=page.get_parent().pk)
        .first()
    )
    client.force_login(make_user(role))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    page.refresh_from_db()
    moved = page.get_parent().pk == destination.pk
    assert moved == manages(role, language)


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_nobody_moves_or_copies_into_another_language_tree(client, draft, role):
    language, page = draft
    other = home("km" if language == "lo" else "lo")
    client.force_login(make_user(role))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, other.pk]))
    page.refresh_from_db()
    assert page.get_parent().locale_id == page.locale_id
    count = Page.objects.filter(locale=other.locale).count()
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Copied", "new_slug": "copied-page", "new_parent_page": other.pk},
    )
    assert Page.objects.filter(locale=other.locale).count() == count
    assert not Page.objects.filter(slug="copied-page").exists()


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_copy_within_the_tree_needs_publish_rights(client, draft, role):
    language, page = draft
    client.force_login(make_user(role))
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Copied", "new_slug": "copied-page", "new_parent_page": page.get_parent().pk},
    )
    copied = Page.objects.filter(slug="copied-page", locale__language_code=language).exists()
    assert copied == manages(role, language)


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_publish_button_never_publishes_a_pending_draft(client, draft, role):
    _language, page = draft
    live_revision = page.live_revision_id
    public = client.get(page.url).content
    client.force_login(make_user(role))
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page.refresh_from_db()
    assert page.live_revision_id == live_revision
    client.logout()
    assert client.get(page.url).content == public


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_wagtail_workflow_stays_off_translated_trees(client, draft, role):
    _language, page = draft
    user = make_user(role)
    assert page.get_workflow() is None
    assert not page.permissions_for_user(user).can_submit_for_moderation()
    assert WorkflowPage.objects.filter(page__depth=1).count() == 0
    assert story("ha-long-bay").get_workflow() is not None  # the source tree keeps it


@pytest.mark.parametrize("draft", LANGUAGES, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_send_for_review_and_approve(client, draft, role):
    language, page = draft
    review = TranslationReview.objects.get(translation__target_locale__language_code=language)
    translator = make_user(f"translator-{language}")
    client.force_login(translator)
    client.post(reverse("translations:review_action", args=[review.pk, "submit"]))
    review.refresh_from_db()
    assert review.state == "review"
    live_revision = page.live_revision_id
    client.force_login(make_user(role))
    client.post(
        reverse("translations:review_action", args=[review.pk, "approve"]),
        {"override_reason": "Demo text."},
    )
    review.refresh_from_db()
    page.refresh_from_db()
    may_review = manages(role, language)
    assert (review.state == "approved") == may_review
    assert (page.live_revision_id != live_revision) == may_review
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert audit.SUBMIT in actions
    assert (audit.APPROVE in actions) == may_review


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_request_machine_translation(client, draft, role):
    """The request form drafts any language for editors; a translator or reviewer of the
    language refreshes its draft from the review screen."""
    language, _page = draft
    source = story("ha-long-bay")
    review = TranslationReview.objects.get(translation__target_locale__language_code=language)
    client.force_login(make_user(role))

    def tasks() -> int:
        return TranslationTask.objects.filter(target_locale__language_code=language).count()

    before = tasks()
    client.post(
        reverse("translations:request", args=[source.pk]), {"locales": [locale(language).pk]}
    )
    assert (tasks() > before) == (role in ("editor", "admin"))
    before = tasks()
    client.post(reverse("translations:review_action", args=[review.pk, "sync"]))
    refreshes = role in (f"translator-{language}", "admin") or manages(role, language)
    assert (tasks() > before) == refreshes


@pytest.mark.parametrize("draft", LAO, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_dashboard_per_language(client, draft, role):
    language, _page = draft
    client.force_login(make_user(role))
    response = client.get(reverse("translations:dashboard") + f"?language={language}")
    allowed = role in ("editor", "admin") or is_reviewer_of(role, language)
    assert (response.status_code == 200) == allowed


def test_one_account_cannot_approve_its_own_translation(client, installed_models, settings):
    draft_translation(story("ha-long-bay"), locale("lo"))
    review = TranslationReview.objects.get(translation__target_locale__language_code="lo")
    reviewer = make_user("reviewer-lo")
    client.force_login(reviewer)
    client.post(reverse("translations:review_action", args=[review.pk, "submit"]))
    client.post(
        reverse("translations:review_action", args=[review.pk, "approve"]),
        {"override_reason": "Demo text."},
    )
    review.refresh_from_db()
    assert review.state == "review"
    settings.TRANSLATIONS_ALLOW_SELF_APPROVAL = True
    client.post(
        reverse("translations:review_action", args=[review.pk, "approve"]),
        {"override_reason": "Demo text."},
    )
    review.refresh_from_db()
    assert review.state == "approved"


def test_approval_refused_while_a_segment_is_in_error(client, installed_models):
    from wagtail_localize.models import StringTranslation

    draft_translation(story("ha-long-bay"), locale("lo"))
    page = story("ha-long-bay", "lo")
    review = TranslationReview.objects.get(translation__target_locale__language_code="lo")
    live_revision = page.live_revision_id
    StringTranslation.objects.filter(locale__language_code="lo").update(
        has_error=True, field_error="<img> is not allowed"
    )
    client.force_login(make_user("translator-lo"))
    client.post(reverse("translations:review_action", args=[review.pk, "submit"]))
    client.force_login(make_user("reviewer-lo"))
    client.post(
        reverse("translations:review_action", args=[review.pk, "approve"]),
        {"override_reason": "ok"},
    )
    review.refresh_from_db()
    page.refresh_from_db()
    assert review.state == "review"
    assert page.live_revision_id == live_revision


def test_site_history_filters_by_language(client, installed_models, admin_user):
    draft_translation(story("ha-long-bay"), locale("lo"))
    draft_translation(story("ha-long-bay"), locale("km"))
    for language in ("lo", "km"):
        review = TranslationReview.objects.get(translation__target_locale__language_code=language)
        client.force_login(make_user(f"translator-{language}"))
        client.post(reverse("translations:review_action", args=[review.pk, "submit"]))
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_reports:site_history") + "?language=lo")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Translation (lo) sent for review" in body
    assert "Translation (km) sent for review" not in body
    page_history = client.get(
        reverse("wagtailadmin_pages:history", args=[story("ha-long-bay", "km").pk])
    )
    assert "Translation (km) sent for review" in page_history.content.decode()
