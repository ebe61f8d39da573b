import pytest

from cms.core.roles import reviewers_group_name, translators_group_name
from tests.factories import UserFactory
from tests.helpers import locale, story, without_demo_work
from translations.metrics import language_metrics
from translations.models import TranslationReview
from translations.operations import approve, submit_for_review
from translations.operations.drafting import draft_translation

pytestmark = pytest.mark.django_db


def test_metrics_follow_the_workflow(installed_models):
    without_demo_work("lo")
    page = story("coffee-exports")
    draft_translation(page, locale("lo"))
    review = TranslationReview.objects.get(translation__target_locale=locale("lo"))
    assert len(language_metrics("lo").post_edit) == 1
    submit_for_review(review, UserFactory(groups=[translators_group_name("lo")]))
    assert len(language_metrics("lo").review) == 1
    approve(review, UserFactory(groups=[reviewers_group_name("lo")]), "ok")
    metrics = language_metrics("lo")
    assert len(metrics.published_recently) == 1
    assert metrics.hours_to_publication_median is not None
    [row] = metrics.distance_by_engine
    assert row["engine"] == "m2m-tiny"
    assert row["distance"] == 0.0
    page.save_revision().publish()
    assert len(language_metrics("lo").outdated) == 1
