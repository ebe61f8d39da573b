"""Background jobs, run by the django-tasks worker (or at once with the immediate backend)."""

import logging

from django.utils import timezone
from django_tasks import task

from .models import TranslationReview, TranslationTask
from .models.workflow import TaskKind, TaskStatus
from .operations.drafting import draft_translation

logger = logging.getLogger(__name__)


def _drafted_by_earlier_attempt(job: TranslationTask) -> bool:
    """A worker killed after drafting's transaction committed but before the task was
    marked done: the draft is there, newer than that attempt's start."""
    if job.status != TaskStatus.RUNNING or job.started_at is None:
        return False
    return TranslationReview.objects.filter(
        translation__source__object_id=job.source_page.translation_key,
        translation__target_locale=job.target_locale,
        drafted_at__gte=job.started_at,
    ).exists()


@task()
def run_translation_task(task_id: int) -> str:
    """Draft one page in one language. Safe to run twice (a worker killed mid-job has its
    job run again): drafting is one transaction, and a finished task is not redone."""
    job = TranslationTask.objects.select_related("target_locale").get(pk=task_id)
    if job.status == TaskStatus.DONE:
        return job.status
    if _drafted_by_earlier_attempt(job):
        job.status, job.error, job.finished_at = TaskStatus.DONE, "", timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        return job.status
    job.status = TaskStatus.RUNNING
    job.started_at = timezone.now()
    job.attempts += 1
    job.save(update_fields=["status", "started_at", "attempts"])
    try:
        result = draft_translation(
            job.source_page,
            job.target_locale,
            user=job.requested_by,
            rerun=job.kind == TaskKind.RERUN,
        )
    except Exception as error:
        logger.exception("Translation task %s failed", task_id)
        job.status = TaskStatus.FAILED
        job.error = f"{type(error).__name__}: {error}"
    else:
        job.status = TaskStatus.DONE
        job.error = ""
        job.engine = result.engine
        job.segments_from_memory = result.from_memory
        job.segments_from_mt = result.from_mt
    job.finished_at = timezone.now()
    job.save()
    return job.status
