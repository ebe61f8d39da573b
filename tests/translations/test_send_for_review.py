"""Send for review from the page editor (wagtail-localize's editor for translated pages)."""

import html
import re

import pytest
from django.urls import reverse

from cms.core.roles import EDITORS, reviewers_group_name, translators_group_name
from tests.factories import UserFactory
from tests.helpers import locale, story
from translations.admin_hooks import send_for_review_buttons, send_for_review_header_button
from translations.models import TranslationReview
from translations.models.workflow import ReviewState
from translations.operations.drafting import draft_translation
from translations.operations.review import target_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(installed_models):
    draft_translation(story("coffee-exports"), locale("lo"))
    return TranslationReview.objects.get(translation__target_locale=locale("lo"))


def submit_url(review) -> str:
    return reverse("translations:review_action", args=[review.pk, "submit"])


def edit_page(client, review) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target_page(review).pk]))
    assert response.status_code == 200
    return response.content.decode()


def send_button(page_html: str) -> str | None:
    match = re.search(r"<a [^>]*translations-send-for-review[^>]*>", page_html)
    return html.unescape(match.group(0)) if match else None


def test_translator_gets_the_button_in_the_translation_editor(client, review):
    assert review.state == ReviewState.POST_EDIT
    client.force_login(UserFactory(groups=[translators_group_name("lo")]))
    page_html = edit_page(client, review)
    assert "js-translation-editor" in page_html  # wagtail-localize's editor
    button = send_button(page_html)
    assert f'data-w-action-url-value="{submit_url(review)}"' in button
    assert 'data-action="w-action#post"' in button
    assert reverse("translations:review", args=[review.pk]) in button


def test_posting_it_sends_the_draft_for_review(client, review):
    translator = UserFactory(groups=[translators_group_name("lo")])
    client.force_login(translator)
    response = client.post(submit_url(review))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.REVIEW
    assert review.submitted_by == translator
    assert send_button(edit_page(client, review)) is None


def test_sent_back_drafts_get_it_again(client, review):
    review.state = ReviewState.CHANGES
    review.save()
    client.force_login(UserFactory(groups=[translators_group_name("lo")]))
    assert send_button(edit_page(client, review)) is not None


def test_not_for_those_who_cannot_post_edit_it(review):
    page = target_page(review)
    for group in (translators_group_name("km"), EDITORS, reviewers_group_name("km")):
        assert send_for_review_buttons(page, UserFactory(groups=[group])) == []


def test_header_hook_only_on_the_edit_view(review):
    page = target_page(review)
    translator = UserFactory(groups=[translators_group_name("lo")])
    assert list(send_for_review_header_button(page, translator, view_name="edit"))
    assert not list(send_for_review_header_button(page, translator, view_name="index"))
