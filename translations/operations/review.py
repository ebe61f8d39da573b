"""Post-edit, review and publication of a translation."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from translations import audit, conf
from translations.distance import post_edit_distance
from translations.errors import TranslationsError
from translations.models import GlossaryTerm, TranslationReview
from translations.models.workflow import ReviewState
from translations.permissions import can_post_edit, can_review
from translations.qa import Failure, run_checks

from .memory import remember
from .segments import SegmentState, segment_states


class ReviewError(TranslationsError):
    """The action does not fit the translation's state; the message says why."""


class QAFailed(ReviewError):
    def __init__(self, failures: list[Failure]):
        super().__init__(_("Quality checks failed; fix them or give a reason to override."))
        self.failures = failures


def target_page(review: TranslationReview):
    translation = review.translation
    return translation.source.get_translated_instance(translation.target_locale)


def quality_report(review: TranslationReview, states=None) -> list[Failure]:
    translation = review.translation
    states = segment_states(translation) if states is None else states
    source_language = translation.source.locale.language_code
    target_language = translation.target_locale.language_code
    glossary = GlossaryTerm.for_pair(source_language, target_language)
    pairs = [(state.source_text, state.text) for state in states]
    return run_checks(pairs, source_language, target_language, glossary)


def _language(review: TranslationReview) -> str:
    return review.translation.target_locale.language_code


def unfinished_segments(states: list[SegmentState]) -> list[int]:
    """Segments with no translation, or one wagtail-localize marked as an error: on
    publish it would fall back to the source text for them."""
    return [
        index
        for index, state in enumerate(states)
        if not state.text.strip() or (state.current is not None and state.current.has_error)
    ]


def last_editors(review: TranslationReview, states: list[SegmentState]) -> set[int]:
    """Who wrote the text under review: the sender, and the last person to edit it."""
    editors = {review.submitted_by_id} if review.submitted_by_id else set()
    edited = [s.current for s in states if s.current and s.current.last_translated_by_id]
    if edited:
        editors.add(max(edited, key=lambda current: current.updated_at).last_translated_by_id)
    return editors


def submit_for_review(review: TranslationReview, user) -> TranslationReview:
    page = target_page(review)
    if not can_post_edit(user, page):
        raise PermissionDenied
    if review.state not in (ReviewState.POST_EDIT, ReviewState.CHANGES):
        raise ReviewError(_("Only a draft waiting for post-edit can be sent for review."))
    review.state = ReviewState.REVIEW
    review.submitted_at = timezone.now()
    review.submitted_by = user
    review.save()
    audit.record(page, audit.SUBMIT, user, _language(review))
    return review


def send_back(review: TranslationReview, user, comment: str) -> TranslationReview:
    page = target_page(review)
    if not can_review(user, page):
        raise PermissionDenied
    if review.state != ReviewState.REVIEW:
        raise ReviewError(_("Only a translation waiting for review can be sent back."))
    if not comment.strip():
        raise ReviewError(_("Say what the translator should change."))
    review.state = ReviewState.CHANGES
    review.comment = comment.strip()
    review.save()
    audit.record(page, audit.SEND_BACK, user, _language(review), comment=review.comment)
    return review


def approve(review: TranslationReview, user, override_reason: str = "") -> TranslationReview:
    """Run QA, then publish the translation as it now stands and record post-editing."""
    page = target_page(review)
    if not can_review(user, page):
        raise PermissionDenied
    if review.state != ReviewState.REVIEW:
        raise ReviewError(_("Only a translation waiting for review can be approved."))
    if review.is_outdated:
        raise ReviewError(_("The source has changed since this draft: sync it first."))
    parent = page.get_parent()
    if parent.depth > 1 and not parent.live:
        raise ReviewError(
            _("Its parent page %(title)s is not published in this language yet.")
            % {"title": parent.title}
        )
    translation = review.translation
    states = segment_states(translation)  # publishing below does not change them
    unfinished = unfinished_segments(states)
    if unfinished:
        raise ReviewError(
            _(
                "Segments %(segments)s are untranslated or in error; publishing would show "
                "the source text there. Send it back to the translator."
            )
            % {"segments": ", ".join(str(index + 1) for index in unfinished)}
        )
    if user.pk in last_editors(review, states) and not conf.get("TRANSLATIONS_ALLOW_SELF_APPROVAL"):
        raise ReviewError(_("A second person must approve a translation: you edited this one."))
    failures = quality_report(review, states)
    if failures and not override_reason.strip():
        raise QAFailed(failures)
    with transaction.atomic():
        review.state = ReviewState.APPROVED
        review.approved_at = timezone.now()
        review.approved_by = user
        review.qa_report = [failure.as_dict() for failure in failures]
        review.qa_override_reason = override_reason.strip() if failures else ""
        review.comment = ""
        review.save()
        instance = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
        revision = instance.save_revision(user=user, changed=True)
        revision.publish(user=user)
        for state in states:
            if state.machine is not None:
                state.machine.final_text = state.text
                state.machine.edit_distance = post_edit_distance(state.machine.mt_text, state.text)
                state.machine.save(update_fields=["final_text", "edit_distance"])
        remember(states, translation.target_locale, user)
        audit.record(
            page,
            audit.APPROVE,
            user,
            _language(review),
            qa_failures=len(failures),
            qa_override_reason=review.qa_override_reason,
        )
        audit.record(page, audit.PUBLISH, user, _language(review), revision=revision.pk)
    return review
