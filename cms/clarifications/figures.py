"""Monthly figures for the measurement report (``register_measurement_figures``)."""

from datetime import datetime

from .models import ClarificationPage, TermMatch


def published(language_code: str | None, start: datetime, end: datetime) -> int:
    """Clarifications first published in [start, end)."""
    pages = ClarificationPage.objects.filter(
        first_published_at__gte=start, first_published_at__lt=end
    )
    if language_code is not None:
        pages = pages.filter(locale__language_code=language_code)
    return pages.count()


def matched_items(language_code: str | None, start: datetime, end: datetime) -> int:
    """News items in which a watched term (of that language) was found in [start, end)."""
    matches = TermMatch.objects.filter(matched_at__gte=start, matched_at__lt=end)
    if language_code is not None:
        matches = matches.filter(term__language=language_code)
    return matches.values("item_id").distinct().count()
