"""The worker's periodic purge: the task runs, then queues itself again after
SUBMISSIONS_PURGE_INTERVAL seconds (as the aggregator's scheduler does)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from . import conf
from .purge import purge

TASK_PATH = "cms.submissions.tasks.purge_task"


@task()
def purge_task() -> dict:
    try:
        result = purge()
        return {"deleted": result.deleted, "anonymised": result.anonymised}
    finally:
        if default_task_backend.supports_defer:
            later = timezone.now() + timedelta(seconds=conf.get("SUBMISSIONS_PURGE_INTERVAL"))
            purge_task.using(run_after=later).enqueue()


def ensure_schedule() -> bool:
    """Queue the purge unless one is already waiting or running; True if queued."""
    if not default_task_backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=TASK_PATH, status__in=("READY", "RUNNING"))
    if waiting.exists():
        return False
    purge_task.enqueue()
    return True
