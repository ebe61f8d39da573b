"""Worker heartbeats: a worker writes one regularly; others read them to tell whether
the worker that holds a job (or a fetch claim) is still alive."""

import os
import socket
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.crypto import get_random_string

from . import conf
from .models import WorkerHeartbeat


def new_worker_id() -> str:
    """A worker ID unique across machines, readable in `jobs list` (at most 64 chars)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{get_random_string(8)}"[:64]


def beat(worker_id: str) -> None:
    """One UPDATE in autocommit (an INSERT the first time): on SQLite it takes the write
    lock directly instead of upgrading a read transaction, which can fail at once."""
    now = timezone.now()
    if not WorkerHeartbeat.objects.filter(worker_id=worker_id).update(seen_at=now):
        WorkerHeartbeat.objects.create(
            worker_id=worker_id, hostname=socket.gethostname(), pid=os.getpid(), seen_at=now
        )


def stop(worker_id: str) -> None:
    """A worker that exits cleanly removes its heartbeat."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def max_age() -> timedelta:
    return timedelta(seconds=float(conf.get("WORKER_HEARTBEAT_MAX_AGE")))


def fresh_workers(now: datetime | None = None):
    return WorkerHeartbeat.objects.filter(seen_at__gte=(now or timezone.now()) - max_age())


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_dead(heartbeat: WorkerHeartbeat, now: datetime | None = None) -> bool:
    """A worker is dead when its heartbeat is older than WORKER_HEARTBEAT_MAX_AGE, or,
    on this machine, as soon as its process is gone (or its PID belongs to a newer worker)."""
    now = now or timezone.now()
    if heartbeat.seen_at < now - max_age():
        return True
    if heartbeat.hostname != socket.gethostname():
        return False
    if not _process_exists(heartbeat.pid):
        return True
    return (
        WorkerHeartbeat.objects.filter(hostname=heartbeat.hostname, pid=heartbeat.pid)
        .exclude(pk=heartbeat.pk)
        .filter(started_at__gt=heartbeat.started_at)
        .exists()
    )


def process_is_dead(hostname: str, pid: int) -> bool:
    """Whether the worker process ``hostname:pid`` is known dead from its heartbeat.

    A process that never sent a heartbeat (a shell command, a plain db_worker) is judged
    only on this machine, by whether it still exists."""
    heartbeat = (
        WorkerHeartbeat.objects.filter(hostname=hostname, pid=pid).order_by("-started_at").first()
    )
    if heartbeat is not None:
        return is_dead(heartbeat)
    return hostname == socket.gethostname() and not _process_exists(pid)
