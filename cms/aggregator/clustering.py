"""Grouping near-duplicate items from different sources into clusters.

It runs after a source's items are committed, one small transaction per item, locking the
item and its match in primary-key order: workers ingesting sources that republish the same
agency story concurrently then wait for each other instead of deadlocking. An item whose
clustering was interrupted keeps ``clustered=False`` and is picked up by the next run.
"""

import logging
from datetime import timedelta

from django.db import OperationalError, transaction
from django.db.models import Count, OuterRef, Subquery

from .dedupe import SIMILARITY, jaccard, shingles
from .models import Cluster, Item

logger = logging.getLogger(__name__)
WINDOW = timedelta(days=7)
ATTEMPTS = 3


def _best_match(item: Item) -> Item | None:
    features = shingles(item.title, item.summary)
    keys = list(item.bands.values_list("band", flat=True))
    candidates = (
        Item.objects.filter(
            bands__band__in=keys,
            sort_at__gte=item.sort_at - WINDOW,
            sort_at__lte=item.sort_at + WINDOW,
        )
        .exclude(source_id=item.source_id)
        .exclude(pk=item.pk)
        .distinct()
        .only("id", "title", "summary")[:50]
    )
    best, best_score = None, 0.0
    for candidate in candidates:
        score = jaccard(features, shingles(candidate.title, candidate.summary))
        if score > best_score:
            best, best_score = candidate, score
    return best if best_score >= SIMILARITY else None


def _recount(cluster_id: int) -> None:
    size = (
        Item.objects.filter(cluster_id=OuterRef("pk"))
        .values("cluster_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Cluster.objects.filter(pk=cluster_id).update(size=Subquery(size))


def _join(item_id: int, match_id: int | None) -> bool:
    with transaction.atomic():
        ids = sorted({item_id, match_id} - {None})
        rows = {
            row.pk: row
            for row in Item.objects.select_for_update().filter(pk__in=ids).order_by("pk")
        }
        item = rows.get(item_id)
        if item is None or item.clustered:
            return False
        item.clustered = True
        match = rows.get(match_id) if match_id else None
        if match is None:
            item.save(update_fields=["clustered"])
            return False
        if match.cluster_id is None:
            cluster = Cluster.objects.create(headline=match)
            match.cluster_id = cluster.pk
            match.is_headline = True
            match.save(update_fields=["cluster", "is_headline"])
        if item.cluster_id and item.cluster_id != match.cluster_id:
            item.save(update_fields=["clustered"])  # already the headline of its own cluster
            return False
        item.cluster_id = match.cluster_id
        item.is_headline = False
        item.save(update_fields=["cluster", "is_headline", "clustered"])
        _recount(match.cluster_id)
        return True


def cluster_items(item_ids) -> int:
    """Cluster these items; returns how many joined a cluster."""
    joined = 0
    for item in Item.objects.filter(pk__in=list(item_ids), clustered=False).order_by("pk"):
        for attempt in range(ATTEMPTS):
            try:
                joined += _join(item.pk, getattr(_best_match(item), "pk", None))
                break
            except OperationalError as error:  # a deadlock the lock order did not prevent
                if attempt == ATTEMPTS - 1:
                    logger.warning(
                        "Clustering item %s failed: %s; it stays pending", item.pk, error
                    )
    return joined


def cluster_pending(limit: int = 5000) -> int:
    """Catch up items whose clustering was interrupted."""
    ids = Item.objects.filter(clustered=False).order_by("pk").values_list("pk", flat=True)[:limit]
    return cluster_items(list(ids))
