"""The news page's demo items: a recorded snapshot of portal and press feeds (``feeds/``,
described in its README) replayed through the aggregator's own path, as if just fetched.

Each feed is stored as a source of its own (inactive: its URL was not checked from here)
and its bytes go through ``ingest_bytes``, the parse and ingest a live fetch uses; then
the new items are clustered and announced like fetched ones. Dates move forward by the
time since the recording, so the newest item is a couple of hours old whenever the demo
is loaded. Running it again adds nothing: the items' GUIDs are already stored.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from cms.aggregator.clustering import cluster_items
from cms.aggregator.ingest import ingest_bytes
from cms.aggregator.models import Source, SourceKind
from cms.aggregator.tasks import announce_new_items
from cms.taxonomy.models import Province

FEEDS = Path(__file__).resolve().parent / "feeds"
NOTE = (
    "Demo source: its items were replayed from a feed recorded in the repository "
    "(cms/demo/feeds/). Check the feed URL before activating it."
)


@dataclass
class NewsReport:
    sources: int = 0
    new: int = 0
    duplicates: int = 0


def snapshot() -> dict:
    return json.loads((FEEDS / "snapshot.json").read_text("utf-8"))


def demo_source(spec: dict) -> Source:
    province = Province.objects.filter(code=spec["province"]).first() if spec["province"] else None
    source, _created = Source.objects.get_or_create(
        url=spec["url"],
        defaults={
            "name": spec["name"],
            "kind": SourceKind.FEED,
            "language": spec["language"],
            "province": province,
            "attribution": f"{spec['name']} (demo)",
            "active": False,
            "notes": NOTE,
        },
    )
    return source


def load_news(now: datetime | None = None) -> NewsReport:
    """Replay every recorded feed; returns what was stored."""
    now = now or timezone.now()
    manifest = snapshot()
    recorded_at = parse_datetime(manifest["recorded_at"])
    report, new_ids = NewsReport(), []
    for spec in manifest["sources"]:
        source = demo_source(spec)
        body = (FEEDS / spec["file"]).read_bytes()
        result = ingest_bytes(source, body, spec["content_type"], now, recorded_at=recorded_at)
        report.sources += 1
        report.new += result.new
        report.duplicates += result.duplicates
        new_ids += result.item_ids
    if new_ids:
        cluster_items(new_ids)
        announce_new_items(new_ids)
    return report
