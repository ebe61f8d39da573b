"""Monthly figures: the list every app contributes to, and this app's own.

An app registers ``register_measurement_figures`` returning ``(key, label, compute)``
tuples (see the project brief); ``all_figures()`` gathers them in hook order. Each
``compute(language_code, start, end)`` answers for one language (``None``: all together)
and one month, ``start`` inclusive, ``end`` exclusive, as aware UTC datetimes.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from django.conf import settings
from django.db.models import Avg, Sum
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.aggregator.models import Item
from cms.stories.models import StoryPage
from translations.models import MachineSegment

from .models import PageView

logger = logging.getLogger(__name__)

Compute = Callable[[str | None, datetime, datetime], int | float | None]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    compute: Compute

    def value(self, language: str | None, start: datetime, end: datetime):
        """The figure, or None when its app fails to compute it (logged, not shown as 0)."""
        try:
            return self.compute(language, start, end)
        except Exception:
            logger.exception("Measurement figure %s failed for %s %s", self.key, language, start)
            return None


def all_figures() -> list[Figure]:
    figures: dict[str, Figure] = {}
    for hook in hooks.get_hooks("register_measurement_figures"):
        for key, label, compute in hook():
            if key in figures:
                logger.warning("Measurement figure %s registered twice; the first one is kept", key)
                continue
            figures[key] = Figure(key, label, compute)
    return list(figures.values())


def _source() -> str:
    return settings.LANGUAGE_CODE


def _stories(language: str | None):
    stories = StoryPage.objects.filter(alias_of__isnull=True)
    return stories if language is None else stories.filter(locale__language_code=language)


def stories_published(language: str | None, start: datetime, end: datetime) -> int:
    """Stories whose first publication falls in the month (later withdrawals included)."""
    return (
        _stories(language).filter(first_published_at__gte=start, first_published_at__lt=end).count()
    )


def translation_coverage(language: str | None, start: datetime, end: datetime) -> float | None:
    """Percentage of the live source stories first published before the month's end that
    have a live translation in ``language`` first published before then."""
    if language is None or language == _source():
        return None
    sources = _stories(_source()).filter(live=True, first_published_at__lt=end)
    total = sources.count()
    if not total:
        return None
    translated = (
        _stories(language)
        .filter(live=True, first_published_at__lt=end)
        .filter(translation_key__in=sources.values("translation_key"))
        .count()
    )
    return round(100 * translated / total, 1)


def hours_to_translation(language: str | None, start: datetime, end: datetime) -> float | None:
    """Median hours from the source story's first publication to its translation's, for
    translations first published in the month."""
    if language == _source():
        return None
    translations = (
        _stories(language)
        .exclude(locale__language_code=_source())
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .values_list("translation_key", "first_published_at")
    )
    translations = list(translations)
    sources = dict(
        _stories(_source())
        .filter(translation_key__in=[key for key, _ in translations])
        .exclude(first_published_at=None)
        .values_list("translation_key", "first_published_at")
    )
    hours = [
        (published - sources[key]).total_seconds() / 3600
        for key, published in translations
        if key in sources
    ]
    return round(median(hours), 2) if hours else None


def page_views(language: str | None, start: datetime, end: datetime) -> int:
    rows = PageView.objects.filter(day__gte=start.date(), day__lt=end.date())
    if language is not None:
        rows = rows.filter(language=language)
    return rows.aggregate(total=Sum("views"))["total"] or 0


def feed_items(language: str | None, start: datetime, end: datetime) -> int:
    """News items the aggregator took in during the month, in that language."""
    items = Item.objects.filter(ingested_at__gte=start, ingested_at__lt=end)
    return (items if language is None else items.filter(language=language)).count()


def post_edit_distance(engine: str) -> Compute:
    """The translation dashboard's "post-edit distance by engine" (mean ``edit_distance``
    of the engine's segments, recorded on approval), for reviews approved in the month."""

    def compute(language: str | None, start: datetime, end: datetime) -> float | None:
        segments = MachineSegment.objects.filter(
            engine=engine,
            edit_distance__isnull=False,
            translation__review__approved_at__gte=start,
            translation__review__approved_at__lt=end,
        )
        if language is not None:
            segments = segments.filter(translation__target_locale__language_code=language)
        distance = segments.aggregate(distance=Avg("edit_distance"))["distance"]
        return None if distance is None else round(distance, 3)

    return compute


def engine_key(engine: str) -> str:
    return "post_edit_distance_" + slugify(engine).replace("-", "_")


def own_figures() -> list[tuple[str, str, Compute]]:
    figures = [
        ("stories_published", _("Stories published"), stories_published),
        (
            "translation_coverage",
            _("Translation coverage of source stories (%)"),
            translation_coverage,
        ),
        (
            "hours_to_translation",
            _("Median hours from source to translation"),
            hours_to_translation,
        ),
        ("page_views", _("Page views"), page_views),
        ("feed_items", _("News items taken in"), feed_items),
    ]
    engines = (
        MachineSegment.objects.filter(edit_distance__isnull=False)
        .order_by("engine")
        .values_list("engine", flat=True)
        .distinct()
    )
    for engine in engines:
        label = _("Post-edit distance, %(engine)s (0 = untouched, 1 = rewritten)")
        figures.append((engine_key(engine), label % {"engine": engine}, post_edit_distance(engine)))
    return figures
