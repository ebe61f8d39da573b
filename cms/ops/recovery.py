"""Taking up again the jobs of workers that died.

The database worker marks a job RUNNING when it claims it and never looks at it again
if the process is killed. A recovery pass (at worker start, then every
JOBS_RECOVERY_INTERVAL seconds inside each worker, or `manage.py jobs recover`) finds
RUNNING jobs whose worker is dead and puts them back in the queue. Each claim appends
the worker's ID to the job, so the number of IDs is the number of attempts; after
JOBS_MAX_ATTEMPTS the job is marked FAILED instead, with an error saying why.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from . import conf
from .heartbeat import is_dead
from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

WORKER_LOST = "cms.ops.recovery.WorkerLost"
# Heartbeats of workers gone for this long are deleted.
FORGET_WORKERS_AFTER = timedelta(days=1)


@dataclass
class RecoveryReport:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _worker_is_dead(result: DBTaskResult, heartbeats: dict, now: datetime) -> bool:
    worker_id = result.worker_ids[-1] if result.worker_ids else ""
    heartbeat = heartbeats.get(worker_id)
    if heartbeat is not None:
        return is_dead(heartbeat, now)
    lease = timedelta(seconds=float(conf.get("JOBS_LEASE_TIMEOUT")))
    return result.started_at is None or result.started_at < now - lease


def recover(now: datetime | None = None) -> RecoveryReport:
    """Re-queue (or, past the attempt limit, fail) RUNNING jobs whose worker is dead."""
    now = now or timezone.now()
    report = RecoveryReport()
    running = list(DBTaskResult.objects.running())
    if running:
        ids = {result.worker_ids[-1] for result in running if result.worker_ids}
        heartbeats = {hb.worker_id: hb for hb in WorkerHeartbeat.objects.filter(worker_id__in=ids)}
        max_attempts = int(conf.get("JOBS_MAX_ATTEMPTS"))
        for result in running:
            if not _worker_is_dead(result, heartbeats, now):
                continue
            # Compare-and-set on started_at: another worker's recovery may race with us.
            claimed = DBTaskResult.objects.filter(
                pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
            )
            attempts = len(result.worker_ids)
            if attempts >= max_attempts:
                if claimed.update(
                    status=TaskResultStatus.FAILED,
                    finished_at=now,
                    return_value=None,
                    exception_class_path=WORKER_LOST,
                    traceback=(
                        f"WorkerLost: the worker running this job died {attempts} times; "
                        f"gave up after {attempts} attempts (JOBS_MAX_ATTEMPTS={max_attempts})."
                    ),
                ):
                    report.failed.append(str(result.pk))
                    _announce_failure(result.pk)
            elif claimed.update(status=TaskResultStatus.READY, started_at=None):
                report.requeued.append(str(result.pk))
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_WORKERS_AFTER).delete()
    if report.requeued or report.failed:
        logger.warning(
            "Recovered jobs of dead workers: %d re-queued, %d given up",
            len(report.requeued),
            len(report.failed),
        )
    return report


def _announce_failure(result_id) -> None:
    """Tell listeners of django-tasks' task_finished, as the worker would have done.

    Loading the task imports its module, so receivers declared there are connected."""
    result = DBTaskResult.objects.get(pk=result_id)
    try:
        task_result = result.task_result
    except ImportError:
        logger.exception("Job %s points to a task that no longer exists", result_id)
        return
    task_finished.send(sender=type(task_result.task.get_backend()), task_result=task_result)
