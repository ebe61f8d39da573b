"""Post-edit effort per engine: the translation dashboard's figure, month by month."""

from datetime import UTC, datetime

import pytest
from wagtail_localize.models import StringTranslation

from cms.core.roles import reviewers_group_name, translators_group_name
from cms.measurement.figures import all_figures, engine_key
from tests.factories import UserFactory
from tests.helpers import locale, story, without_demo_work
from translations.metrics import language_metrics
from translations.models import MachineSegment, TranslationReview
from translations.operations import approve, submit_for_review
from translations.operations.drafting import draft_translation

pytestmark = pytest.mark.django_db


def test_distance_per_engine_is_the_dashboards_for_the_approval_month(installed_models):
    without_demo_work("lo")
    draft_translation(story("coffee-exports"), locale("lo"))
    review = TranslationReview.objects.get(translation__target_locale=locale("lo"))
    segment = MachineSegment.objects.filter(translation=review.translation).first()
    edited = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=locale("lo")
    )
    edited.data = "ກາເຟຫວຽດນາມ ແກ້ໄຂ"
    edited.save()
    review.refresh_from_db()
    submit_for_review(review, UserFactory(groups=[translators_group_name("lo")]))
    approve(review, UserFactory(groups=[reviewers_group_name("lo")]), "tiny test model")
    TranslationReview.objects.filter(pk=review.pk).update(
        approved_at=datetime(2024, 4, 15, tzinfo=UTC)
    )

    segments = list(MachineSegment.objects.filter(translation=review.translation))
    [engine] = {segment.engine for segment in segments}
    by_hand = sum(s.edit_distance for s in segments) / len(segments)
    assert by_hand > 0, "one segment was post-edited"
    [dashboard_row] = language_metrics("lo").distance_by_engine
    assert dashboard_row["engine"] == engine

    figure = next(f for f in all_figures() if f.key == engine_key(engine))
    april = datetime(2024, 4, 1, tzinfo=UTC), datetime(2024, 5, 1, tzinfo=UTC)
    may = datetime(2024, 5, 1, tzinfo=UTC), datetime(2024, 6, 1, tzinfo=UTC)
    assert figure.value("lo", *april) == round(by_hand, 3) == round(dashboard_row["distance"], 3)
    assert figure.value(None, *april) == round(by_hand, 3)
    assert figure.value("km", *april) is None
    assert figure.value("lo", *may) is None
