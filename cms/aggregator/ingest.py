"""Storing parsed items: new ones only, clustered with near-duplicates from other sources."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F

from .dedupe import SIMILARITY, bands, canonical_link, content_hash, jaccard, sha1, shingles
from .language import detect_language
from .models import Cluster, Item, ItemBand, Source
from .parse import ParsedFeed

CLUSTER_WINDOW = timedelta(days=7)


@dataclass
class IngestResult:
    new: int = 0
    duplicates: int = 0
    clustered: int = 0
    item_ids: list[int] = field(default_factory=list)


def _cluster(item: Item, features: set[str], keys: list[int]) -> bool:
    """Put ``item`` in the cluster of its most similar recent item from another source."""
    candidates = (
        Item.objects.filter(
            bands__band__in=keys,
            sort_at__gte=item.sort_at - CLUSTER_WINDOW,
            sort_at__lte=item.sort_at + CLUSTER_WINDOW,
        )
        .exclude(source_id=item.source_id)
        .exclude(pk=item.pk)
        .distinct()
        .only("id", "title", "summary", "cluster_id")[:50]
    )
    best, best_score = None, 0.0
    for candidate in candidates:
        score = jaccard(features, shingles(candidate.title, candidate.summary))
        if score > best_score:
            best, best_score = candidate, score
    if best is None or best_score < SIMILARITY:
        return False
    if best.cluster_id is None:
        cluster = Cluster.objects.create(headline=best, size=1)
        Item.objects.filter(pk=best.pk).update(cluster=cluster, is_headline=True)
        best.cluster_id = cluster.pk
    Cluster.objects.filter(pk=best.cluster_id).update(size=F("size") + 1)
    item.cluster_id = best.cluster_id
    item.is_headline = False
    item.save(update_fields=["cluster", "is_headline"])
    return True


@transaction.atomic
def ingest(source: Source, feed: ParsedFeed, now: datetime) -> IngestResult:
    result = IngestResult()
    prepared = []
    for parsed in feed.items:
        link = canonical_link(parsed.link)
        prepared.append(
            (
                parsed,
                sha1(parsed.guid),
                sha1(link) if link else "",
                link,
                content_hash(parsed.title, parsed.summary),
            )
        )
    existing = Item.objects.filter(source=source)
    seen_guids = set(
        existing.filter(guid_hash__in=[p[1] for p in prepared]).values_list("guid_hash", flat=True)
    )
    seen_links = set(
        existing.filter(link_hash__in=[p[2] for p in prepared if p[2]]).values_list(
            "link_hash", flat=True
        )
    )
    seen_content = set(
        existing.filter(content_hash__in=[p[4] for p in prepared]).values_list(
            "content_hash", flat=True
        )
    )
    topics = list(source.topics.all())
    for parsed, guid_hash, link_hash, link, c_hash in prepared:
        if (
            guid_hash in seen_guids
            or (link_hash and link_hash in seen_links)
            or c_hash in seen_content
        ):
            result.duplicates += 1
            continue
        seen_guids.add(guid_hash)
        seen_content.add(c_hash)
        if link_hash:
            seen_links.add(link_hash)
        item = Item.objects.create(
            source=source,
            guid=parsed.guid,
            guid_hash=guid_hash,
            link=link,
            link_hash=link_hash,
            content_hash=c_hash,
            title=parsed.title,
            summary=parsed.summary,
            content_html=parsed.content_html,
            image_url=parsed.image_url,
            author=parsed.author,
            language=detect_language(f"{parsed.title} {parsed.summary}", source.language),
            province_id=source.province_id,
            published_at=parsed.published_at,
            ingested_at=now,
            sort_at=min(parsed.published_at, now) if parsed.published_at else now,
        )
        if topics:
            item.topics.set(topics)
        features = shingles(parsed.title, parsed.summary)
        keys = bands(features)
        ItemBand.objects.bulk_create([ItemBand(item=item, band=key) for key in set(keys)])
        if _cluster(item, features, keys):
            result.clustered += 1
        result.new += 1
        result.item_ids.append(item.pk)
    return result
