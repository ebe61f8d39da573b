"""Looking at and acting on the queue of the database tasks backend."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .errors import OpsError

CANCELLED = "cms.ops.jobs.Cancelled"


class JobError(OpsError):
    """An action on a job that cannot be done; the message says why."""


def find(job_id: str) -> DBTaskResult:
    try:
        return DBTaskResult.objects.get(pk=job_id)
    except (DBTaskResult.DoesNotExist, ValidationError) as error:  # unknown or not a UUID
        raise JobError(_("No job with ID %(id)s.") % {"id": job_id}) from error


def listing(state: str | None = None, older_than: timedelta | None = None, limit: int = 50):
    jobs = DBTaskResult.objects.order_by("-enqueued_at")
    if state:
        jobs = jobs.filter(status=state.upper())
    if older_than is not None:
        jobs = jobs.filter(enqueued_at__lte=timezone.now() - older_than)
    return jobs[:limit]


def age(job: DBTaskResult, now: datetime | None = None) -> timedelta:
    """How long the job has been in its state: waiting, running, or since it finished."""
    now = now or timezone.now()
    since = {
        TaskResultStatus.RUNNING: job.started_at,
        TaskResultStatus.SUCCESSFUL: job.finished_at,
        TaskResultStatus.FAILED: job.finished_at,
    }.get(job.status) or job.enqueued_at
    return now - since


def retry(job_id: str) -> DBTaskResult:
    """Put a finished job back in the queue, as a fresh start (attempts from zero)."""
    job = find(job_id)
    if job.status in (TaskResultStatus.READY, TaskResultStatus.RUNNING):
        raise JobError(
            _("Job %(id)s is %(status)s; only finished jobs can be retried.")
            % {"id": job.pk, "status": job.status}
        )
    DBTaskResult.objects.filter(pk=job.pk, status=job.status).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now(),
        started_at=None,
        finished_at=None,
        worker_ids=[],
        return_value=None,
        exception_class_path="",
        traceback="",
    )
    job.refresh_from_db()
    return job


def cancel(job_id: str) -> DBTaskResult:
    """Take a waiting job out of the queue (marked failed, with the reason)."""
    job = find(job_id)
    if job.status != TaskResultStatus.READY:
        raise JobError(
            _("Job %(id)s is %(status)s; only waiting (READY) jobs can be cancelled.")
            % {"id": job.pk, "status": job.status}
        )
    updated = DBTaskResult.objects.filter(pk=job.pk, status=TaskResultStatus.READY).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path=CANCELLED,
        traceback="Cancelled: taken out of the queue by an operator.",
    )
    if not updated:
        raise JobError(_("Job %(id)s was taken by a worker meanwhile.") % {"id": job.pk})
    job.refresh_from_db()
    return job
