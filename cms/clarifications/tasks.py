"""Matching watched terms in the background worker."""

from django_tasks import task

from .matching import match_items, rematch
from .models import WatchedTerm


@task()
def match_items_task(item_ids: list[int]) -> int:
    """New items from a fetch (``items_ingested``)."""
    return match_items(item_ids)


@task()
def rematch_task(term_ids: list[int]) -> int:
    """Every stored item against these terms (all active terms when the list is empty)."""
    terms = None
    if term_ids:
        terms = list(WatchedTerm.objects.filter(pk__in=term_ids, active=True))
    return rematch(terms)
