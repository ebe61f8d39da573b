"""Rows as the database worker leaves them, for tests of recovery and the jobs command."""

import os
import socket
import subprocess
from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from cms.ops.models import WorkerHeartbeat

PROBE = "tests.cms.ops.probe_tasks.record"


def job(status="RUNNING", workers=("w1",), started_ago=0.0, path=PROBE, **fields) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        task_path=path,
        args_kwargs={"args": ["x"], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        status=status,
        worker_ids=list(workers),
        started_at=now - timedelta(seconds=started_ago) if status != "READY" else None,
        **fields,
    )


def heartbeat(worker_id: str, seen_ago: float = 0.0, pid=None, hostname=None) -> WorkerHeartbeat:
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname=hostname or socket.gethostname(),
        pid=pid or os.getpid(),
        seen_at=timezone.now() - timedelta(seconds=seen_ago),
    )


def dead_pid() -> int:
    """The PID of a process that has exited and been reaped."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid
