"""What managers see per language: queues, post-edit distance, time to publication."""

from dataclasses import dataclass, field
from datetime import timedelta
from statistics import median

from django.db.models import Avg, Count, F, OuterRef, Subquery
from django.utils import timezone
from wagtail.models import Page

from .models import MachineSegment, TranslationReview
from .models.workflow import ReviewState


def with_outdated(reviews):
    published = Page.objects.filter(
        translation_key=OuterRef("translation__source__object_id"),
        locale_id=OuterRef("translation__source__locale_id"),
    ).values("last_published_at")[:1]
    return reviews.annotate(source_published_at=Subquery(published))


def outdated(reviews):
    return with_outdated(reviews).filter(
        source_published_at__gt=F("translation__source__last_updated_at")
    )


@dataclass
class LanguageMetrics:
    language: str
    post_edit: list = field(default_factory=list)
    review: list = field(default_factory=list)
    outdated: list = field(default_factory=list)
    published_recently: list = field(default_factory=list)
    distance_by_engine: list = field(default_factory=list)
    hours_to_publication_median: float | None = None
    hours_to_publication_mean: float | None = None


def language_metrics(language: str, days: int = 30) -> LanguageMetrics:
    reviews = TranslationReview.objects.filter(
        translation__target_locale__language_code=language
    ).select_related("translation__source", "translation__target_locale")
    since = timezone.now() - timedelta(days=days)
    result = LanguageMetrics(language)
    result.post_edit = list(reviews.filter(state__in=[ReviewState.POST_EDIT, ReviewState.CHANGES]))
    result.review = list(reviews.filter(state=ReviewState.REVIEW))
    result.outdated = list(outdated(reviews))
    approved = reviews.filter(state=ReviewState.APPROVED, approved_at__gte=since)
    result.published_recently = list(approved.order_by("-approved_at"))
    result.distance_by_engine = list(
        MachineSegment.objects.filter(
            translation__target_locale__language_code=language, edit_distance__isnull=False
        )
        .values("engine")
        .annotate(segments=Count("id"), distance=Avg("edit_distance"))
        .order_by("engine")
    )
    hours = [
        (review.approved_at - review.requested_at).total_seconds() / 3600
        for review in approved
        if review.approved_at and review.requested_at
    ]
    if hours:
        result.hours_to_publication_median = round(median(hours), 2)
        result.hours_to_publication_mean = round(sum(hours) / len(hours), 2)
    return result
