"""Fetching sources: one at a time with its state kept, or many at once politely.

A source is claimed before it is fetched and released when its items and state are
committed together, so a worker killed mid-batch loses nothing: the next run fetches
the sources it did not finish, and the unique GUID constraint stops any item being
stored twice.
"""

import logging
import os
import socket
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

from django.db import close_old_connections, transaction
from django.db.models import Q
from django.utils import timezone

from cms.ops.heartbeat import process_is_dead

from . import conf
from .clustering import cluster_items, cluster_pending
from .fetch import FetchError, fetch
from .ingest import ingest_bytes
from .models import Source
from .models.sources import host_of
from .parse import ParseError

logger = logging.getLogger(__name__)

CLAIM_TIMEOUT = timedelta(minutes=10)


@dataclass
class FetchOutcome:
    source_id: int
    status: str  # "new", "unchanged", "error", "skipped"
    new: int = 0
    duplicates: int = 0
    item_ids: tuple = ()
    error: str = ""


def backoff(failures: int, retry_after: float | None = None) -> timedelta:
    """Exponential back-off from 5 minutes, capped (a day by default); never a stop."""
    base = conf.get("AGGREGATOR_BACKOFF_BASE")
    cap = conf.get("AGGREGATOR_BACKOFF_CAP")
    delay = min(cap, base * 2 ** max(0, failures - 1))
    if retry_after is not None:
        delay = max(delay if failures > 1 else 0, min(retry_after, cap))
    return timedelta(seconds=delay)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _holder_is_gone(claimed_by: str) -> bool:
    host, _, pid = claimed_by.rpartition(":")
    return pid.isdigit() and process_is_dead(host, int(pid))


def claim(source_id: int) -> Source | None:
    """Mark a source as being fetched by this process; None if a live worker holds it.

    A claim is taken over when it is older than CLAIM_TIMEOUT or when the process that
    holds it is dead: gone from this machine, or a worker whose heartbeat stopped.
    """
    now = timezone.now()
    current = Source.objects.filter(pk=source_id).values("fetch_started_at", "claimed_by").first()
    if current is None:
        return None
    started = current["fetch_started_at"]
    if started and started > now - CLAIM_TIMEOUT and not _holder_is_gone(current["claimed_by"]):
        return None
    claimed = Source.objects.filter(pk=source_id, fetch_started_at=started).update(
        fetch_started_at=now, claimed_by=worker_name()
    )
    return Source.objects.get(pk=source_id) if claimed else None


def fetch_source(source_id: int) -> FetchOutcome:
    source = claim(source_id)
    if source is None:
        return FetchOutcome(source_id, "skipped")
    now = timezone.now()
    try:
        result = fetch(source.url, source.etag, source.last_modified, source.verify_tls)
        with transaction.atomic():
            if result.not_modified:
                outcome = FetchOutcome(source.pk, "unchanged")
            else:
                ingested = ingest_bytes(
                    source, result.body, result.content_type, now, url=result.url
                )
                outcome = FetchOutcome(
                    source.pk, "new", ingested.new, ingested.duplicates, tuple(ingested.item_ids)
                )
                source.etag = result.etag[:500]
                source.last_modified = result.last_modified[:100]
            source.last_status = result.status
            source.last_fetch_at = source.last_success_at = now
            source.consecutive_failures = 0
            source.schedule_next(now)
            source.fetch_started_at = None
            source.claimed_by = ""
            source.save()
    except (FetchError, ParseError) as error:
        return _failed(source, now, error)
    if outcome.item_ids:
        cluster_items(outcome.item_ids)
    return outcome


def _failed(source: Source, now, error) -> FetchOutcome:
    retry_after = getattr(error, "retry_after", None)
    source.consecutive_failures += 1
    source.last_fetch_at = source.last_error_at = now
    source.last_error = str(error)[:2000]
    source.last_status = getattr(error, "status", None)
    source.next_fetch_at = now + backoff(source.consecutive_failures, retry_after)
    source.fetch_started_at = None
    source.claimed_by = ""
    source.save()
    logger.warning("Fetching %s failed: %s", source.url, error)
    return FetchOutcome(source.pk, "error", error=str(error))


def fetch_many(source_ids: list[int], progress=None) -> list[FetchOutcome]:
    """Fetch sources concurrently: one request at a time per host, with a pause between
    requests to the same host, and at most AGGREGATOR_CONCURRENCY hosts at once."""
    cluster_pending()
    hosts: dict[str, list[int]] = defaultdict(list)
    for source_id, url in Source.objects.filter(pk__in=source_ids).values_list("pk", "url"):
        hosts[host_of(url)].append(source_id)
    delay = conf.get("AGGREGATOR_HOST_DELAY")
    outcomes: list[FetchOutcome] = []
    lock = threading.Lock()

    def run_host(ids: list[int]) -> None:
        try:
            for number, source_id in enumerate(ids):
                if number:
                    time.sleep(delay)
                try:
                    outcome = fetch_source(source_id)
                except Exception as error:  # one broken source must not stop the batch
                    logger.exception("Unexpected failure fetching source %s", source_id)
                    outcome = FetchOutcome(source_id, "error", error=repr(error))
                with lock:
                    outcomes.append(outcome)
                    if progress:
                        progress(outcome, len(outcomes), len(source_ids))
        finally:
            if threading.current_thread() is not threading.main_thread():
                close_old_connections()

    workers = max(1, min(conf.get("AGGREGATOR_CONCURRENCY"), len(hosts)))
    if workers == 1:
        for ids in hosts.values():
            run_host(ids)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(run_host, hosts.values()))
    return outcomes


def due_source_ids(now=None) -> list[int]:
    now = now or timezone.now()
    return list(
        Source.objects.filter(active=True)
        .filter(Q(next_fetch_at__isnull=True) | Q(next_fetch_at__lte=now))
        .order_by("next_fetch_at")
        .values_list("pk", flat=True)
    )
