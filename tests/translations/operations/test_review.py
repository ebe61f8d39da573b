import pytest
from django.core.exceptions import PermissionDenied
from wagtail_localize.models import Translation

from cms.core.roles import reviewers_group_name, translators_group_name
from tests.factories import UserFactory
from tests.helpers import locale, story
from translations.models import TranslationReview
from translations.models.workflow import ReviewState
from translations.operations import QAFailed, ReviewError, approve, send_back, submit_for_review
from translations.operations.drafting import draft_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviews(installed_models):
    page = story("coffee-exports")
    result = {}
    for code in ("lo", "km"):
        draft_translation(page, locale(code))
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locale(code)
        )
        result[code] = TranslationReview.objects.get(translation=translation)
    return result


def user(group):
    return UserFactory(groups=[group])


def test_lao_translator_cannot_approve_publish_or_touch_khmer(reviews):
    translator = user(translators_group_name("lo"))
    submit_for_review(reviews["lo"], translator)
    with pytest.raises(PermissionDenied):
        approve(reviews["lo"], translator, "reason")
    with pytest.raises(PermissionDenied):
        send_back(reviews["lo"], translator, "no")
    lao_page = story("coffee-exports").get_translation(locale("lo"))
    assert not lao_page.permissions_for_user(translator).can_publish()
    with pytest.raises(PermissionDenied):
        submit_for_review(reviews["km"], translator)
    khmer_page = story("coffee-exports").get_translation(locale("km"))
    assert not khmer_page.permissions_for_user(translator).can_edit()


def test_lao_reviewer_cannot_approve_khmer(reviews):
    submit_for_review(reviews["km"], user(translators_group_name("km")))
    with pytest.raises(PermissionDenied):
        approve(reviews["km"], user(reviewers_group_name("lo")), "reason")


def test_qa_blocks_approval_until_overridden(reviews):
    review = reviews["lo"]
    submit_for_review(review, user(translators_group_name("lo")))
    reviewer = user(reviewers_group_name("lo"))
    with pytest.raises(QAFailed) as failed:
        approve(review, reviewer)
    assert failed.value.failures
    approve(review, reviewer, "Names are kept on purpose.")
    review.refresh_from_db()
    assert review.state == ReviewState.APPROVED
    assert review.qa_override_reason == "Names are kept on purpose."
    assert review.qa_report
    # Approved, the Lao page has a slug of its own title (translations.slugs).
    assert story("coffee-exports").get_translation(locale("lo")).live


def test_send_back_needs_a_comment_and_returns_to_the_translator(reviews):
    review = reviews["lo"]
    submit_for_review(review, user(translators_group_name("lo")))
    reviewer = user(reviewers_group_name("lo"))
    with pytest.raises(ReviewError):
        send_back(review, reviewer, "  ")
    send_back(review, reviewer, "Dùng tên chính thức.")
    review.refresh_from_db()
    assert review.state == ReviewState.CHANGES
    assert review.comment == "Dùng tên chính thức."
    with pytest.raises(ReviewError):
        approve(review, reviewer, "x")


def test_approval_needs_a_submitted_draft(reviews):
    with pytest.raises(ReviewError):
        approve(reviews["lo"], user(reviewers_group_name("lo")), "x")


def test_editing_after_approval_reopens_review_and_closes_publishing(reviews):
    review = reviews["lo"]
    reviewer = user(reviewers_group_name("lo"))
    submit_for_review(review, user(translators_group_name("lo")))
    approve(review, reviewer, "ok")
    lao_page = story("coffee-exports").get_translation(locale("lo")).specific
    assert lao_page.permissions_for_user(reviewer).can_publish()
    from wagtail_localize.models import StringTranslation

    string_translation = StringTranslation.objects.filter(
        locale=locale("lo"), context__object_id=review.translation.source.object_id
    ).first()
    string_translation.data = "ແກ້ໄຂ"
    string_translation.save()
    review.refresh_from_db()
    assert review.state == ReviewState.POST_EDIT
    assert not lao_page.permissions_for_user(reviewer).can_publish()
