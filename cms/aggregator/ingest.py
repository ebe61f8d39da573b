"""Storing parsed items: new ones only. Clustering runs afterwards (see ``clustering``)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from .dedupe import bands, canonical_link, content_hash, sha1, shingles
from .language import detect_language
from .models import Item, ItemBand, Source
from .parse import ParsedFeed, parse_document


@dataclass
class IngestResult:
    new: int = 0
    duplicates: int = 0
    item_ids: list[int] = field(default_factory=list)


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
    new_items, features = [], []
    for parsed, guid_hash, link_hash, link, c_hash in prepared:
        duplicate = guid_hash in seen_guids or c_hash in seen_content
        if duplicate or (link_hash and link_hash in seen_links):
            result.duplicates += 1
            continue
        seen_guids.add(guid_hash)
        seen_content.add(c_hash)
        if link_hash:
            seen_links.add(link_hash)
        new_items.append(
            Item(
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
        )
        features.append(shingles(parsed.title, parsed.summary))
    Item.objects.bulk_create(new_items)
    ItemBand.objects.bulk_create(
        [
            ItemBand(item=item, band=key)
            for item, shingle_set in zip(new_items, features, strict=True)
            for key in set(bands(shingle_set))
        ]
    )
    if topics:
        Through = Item.topics.through
        Through.objects.bulk_create(
            [Through(item_id=item.pk, topic_id=topic.pk) for item in new_items for topic in topics]
        )
    result.new = len(new_items)
    result.item_ids = [item.pk for item in new_items]
    return result


def ingest_bytes(
    source: Source,
    body: bytes,
    content_type: str,
    now: datetime,
    *,
    url: str = "",
    recorded_at: datetime | None = None,
) -> IngestResult:
    """Parse a document fetched from ``source`` (as its kind says) and store its new items:
    what a fetch does once the bytes are downloaded. Raises ParseError with advice.

    ``url`` is where the bytes came from after redirects (the source's URL by default).
    ``recorded_at`` replays a document recorded earlier (the demo's snapshot): its items'
    dates move forward by the time since the recording, as if it had been fetched ``now``.
    """
    feed = parse_document(body, url or source.url, source.kind, content_type, source.selectors)
    if recorded_at is not None:
        shift = now - recorded_at
        for item in feed.items:
            if item.published_at is not None:
                item.published_at += shift
    return ingest(source, feed, now)
