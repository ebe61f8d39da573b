"""Background work: fetching on schedule, and translating what was fetched."""

import logging
from datetime import timedelta

from django.dispatch import receiver
from django.utils import timezone
from django_tasks import default_task_backend, task
from django_tasks.signals import task_finished

from cms.ops.recovery import recover

from . import conf
from .models import Item
from .operations import due_source_ids, fetch_many
from .signals import items_ingested
from .translate import translate_items

logger = logging.getLogger(__name__)
TICK_PATH = "cms.aggregator.tasks.scheduler_tick"


@task()
def translate_items_task(item_ids: list[int]) -> int:
    return translate_items(item_ids)


def announce_new_items(item_ids: list[int]) -> None:
    """Queue translation of newly stored items and announce them (``items_ingested``,
    which search indexes)."""
    if item_ids:
        translate_items_task.enqueue(item_ids)
        items_ingested.send(sender=Item, item_ids=item_ids)


def process_new_items(outcomes) -> list[int]:
    """Announce the items a fetch added (``announce_new_items``); returns their ids."""
    new_ids = [item_id for outcome in outcomes for item_id in outcome.item_ids]
    announce_new_items(new_ids)
    return new_ids


@task()
def fetch_sources_task(source_ids: list[int]) -> dict:
    outcomes = fetch_many(source_ids)
    process_new_items(outcomes)
    summary: dict[str, int] = {}
    for outcome in outcomes:
        summary[outcome.status] = summary.get(outcome.status, 0) + 1
    return summary


@task()
def scheduler_tick() -> dict:
    """Fetch every due source, then come back in AGGREGATOR_TICK seconds."""
    try:
        return fetch_sources_task.call(due_source_ids())
    finally:
        if default_task_backend.supports_defer:
            seconds = conf.get("AGGREGATOR_TICK")
            scheduler_tick.using(run_after=timezone.now() + timedelta(seconds=seconds)).enqueue()


def ensure_scheduler() -> bool:
    """Start the fetch schedule unless a tick is waiting or runs on a live worker.

    Ticks left RUNNING by a dead worker are first put back in the queue by the recovery
    (or failed after too many attempts), so a killed worker never blocks the schedule.
    Returns True if a new tick was queued."""
    if not default_task_backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    recover()
    if DBTaskResult.objects.filter(task_path=TICK_PATH, status__in=("READY", "RUNNING")).exists():
        return False
    scheduler_tick.enqueue()
    return True


@receiver(task_finished)
def restart_abandoned_schedule(sender, task_result, **kwargs) -> None:
    """A tick that failed without queueing the next one (its worker died too often) is
    replaced, so the schedule never stops."""
    if task_result.task.module_path == TICK_PATH and task_result.status == "FAILED":
        ensure_scheduler()
