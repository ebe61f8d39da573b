"""A translation approved by a reviewer gets its own slug; its old URL redirects there."""

import pytest
from django.test import override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.core.roles import reviewers_group_name, translators_group_name
from cms.stories.models import StoryPage
from tests.factories import UserFactory
from tests.helpers import locale, section
from translations.models import TranslationReview
from translations.operations import approve, draft_translation, submit_for_review

pytestmark = pytest.mark.django_db

TITLE_VI = "Rừng bậc thang Mù Cang Chải"
TITLE_EN = "Terraced fields of Mu Cang Chai"


def vietnamese_story(title: str = TITLE_VI) -> StoryPage:
    page = section("culture").add_child(
        instance=StoryPage(title=title, slug="", standfirst="Mùa nước đổ ở Yên Bái.")
    )
    page.save_revision().publish()
    return page


def draft_in_english(page: StoryPage, title: str = TITLE_EN) -> TranslationReview:
    """An MT draft whose title segment the translator then wrote by hand."""
    draft_translation(page, locale("en"))
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale("en")
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.filter(
        translation_of=segment.string, locale=locale("en"), context=segment.context
    ).update(data=title)
    return TranslationReview.objects.get(translation=translation)


def publish_after_review(review: TranslationReview, capture) -> StoryPage:
    submit_for_review(review, UserFactory(groups=[translators_group_name("en")]))
    with capture(execute=True):
        approve(review, UserFactory(groups=[reviewers_group_name("en")]), "Checked by hand.")
    return StoryPage.objects.get(
        translation_key=review.translation.source.object_id, locale=locale("en")
    )


def test_approved_translation_gets_its_own_slug_and_the_old_url_redirects(
    installed_models, client, django_capture_on_commit_callbacks
):
    source = vietnamese_story()
    assert source.slug == "rung-bac-thang-mu-cang-chai"
    english = source.get_translation_or_none(locale("en"))
    assert english is None
    review = draft_in_english(source)
    draft = StoryPage.objects.get(translation_key=source.translation_key, locale=locale("en"))
    assert draft.slug == source.slug and not draft.live
    # A live page's first URL was public for a moment: it must keep working.
    english = publish_after_review(review, django_capture_on_commit_callbacks)
    assert english.title == TITLE_EN
    assert english.slug == "terraced-fields-of-mu-cang-chai"
    assert english.url_path.endswith("/culture/terraced-fields-of-mu-cang-chai/")
    assert english.get_latest_revision().content["slug"] == english.slug
    new_url = "/en/culture/terraced-fields-of-mu-cang-chai/"
    page = client.get(new_url)
    assert page.status_code == 200 and TITLE_EN in page.content.decode()
    old = client.get("/en/culture/rung-bac-thang-mu-cang-chai/")
    assert old.status_code in (301, 302)
    assert old["Location"].endswith(new_url)
    # The source keeps its own slug and URL.
    source.refresh_from_db()
    assert source.slug == "rung-bac-thang-mu-cang-chai"
    assert client.get("/vi/culture/rung-bac-thang-mu-cang-chai/").status_code == 200


def test_a_later_approval_keeps_the_translations_slug(
    installed_models, django_capture_on_commit_callbacks
):
    source = vietnamese_story()
    english = publish_after_review(draft_in_english(source), django_capture_on_commit_callbacks)
    review = draft_in_english(source, "Mu Cang Chai terraces in the flooding season")
    english = publish_after_review(review, django_capture_on_commit_callbacks)
    assert english.title == "Mu Cang Chai terraces in the flooding season"
    assert english.slug == "terraced-fields-of-mu-cang-chai"


def test_a_slug_a_person_chose_is_kept(installed_models, django_capture_on_commit_callbacks):
    source = vietnamese_story()
    review = draft_in_english(source)
    draft = StoryPage.objects.get(translation_key=source.translation_key, locale=locale("en"))
    draft.slug = "mu-cang-chai-terraces"
    draft.save()
    english = publish_after_review(review, django_capture_on_commit_callbacks)
    assert english.slug == "mu-cang-chai-terraces"
    assert not Redirect.objects.filter(redirect_page=english).exists()


def test_siblings_keep_distinct_slugs(installed_models, django_capture_on_commit_callbacks):
    taken = section("culture", "en").add_child(
        instance=StoryPage(title=TITLE_EN, slug="terraced-fields-of-mu-cang-chai", standfirst="x")
    )
    english = publish_after_review(
        draft_in_english(vietnamese_story()), django_capture_on_commit_callbacks
    )
    assert taken.slug == "terraced-fields-of-mu-cang-chai"
    assert english.slug == "terraced-fields-of-mu-cang-chai-2"


@override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False)
def test_the_redirect_is_made_even_when_wagtail_makes_none(
    installed_models, client, django_capture_on_commit_callbacks
):
    english = publish_after_review(
        draft_in_english(vietnamese_story("Đà Nẵng về đêm"), "Da Nang by night"),
        django_capture_on_commit_callbacks,
    )
    assert english.slug == "da-nang-by-night"
    old = client.get("/en/culture/da-nang-ve-dem/")
    assert old.status_code in (301, 302)
    assert old["Location"].endswith("/en/culture/da-nang-by-night/")
