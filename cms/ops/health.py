"""Readiness checks: the database, the cache and the background worker.

Each check returns None when the part works, else a short reason that names no host,
password or path (the answer is public)."""

import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from . import conf
from .heartbeat import fresh_workers


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            if cursor.fetchone() != (1,):
                return "unexpected answer to SELECT 1"
    except Exception as error:  # any driver error means "not ready"
        return f"unreachable ({type(error).__name__})"
    return None


def check_cache() -> str | None:
    key, token = f"ops:readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        value = cache.get(key)
        cache.delete(key)
    except Exception as error:
        return f"unreachable ({type(error).__name__})"
    return None if value == token else "a value written could not be read back"


def _tasks_backend() -> str:
    return settings.TASKS.get("default", {}).get("BACKEND", "")


def check_worker() -> str | None:
    backend = _tasks_backend()
    if backend.startswith("django_tasks_db."):
        max_age = int(float(conf.get("WORKER_HEARTBEAT_MAX_AGE")))
        try:
            if fresh_workers().exists():
                return None
        except Exception as error:
            return f"heartbeats unreadable ({type(error).__name__})"
        return f"no worker heartbeat in the last {max_age} s"
    if backend.startswith("django_tasks_rq."):
        import django_rq
        from rq import Worker

        try:
            return None if Worker.count(connection=django_rq.get_connection()) else "no rq worker"
        except Exception as error:
            return f"rq unreachable ({type(error).__name__})"
    return None  # the immediate backend runs jobs in the request: no worker needed


CHECKS: dict[str, Callable[[], str | None]] = {
    "database": check_database,
    "cache": check_cache,
    "worker": check_worker,
}


def readiness() -> dict:
    """{"ready": bool, "failing": [names], "checks": {name: {"ok", "ms", "error"?}}}."""
    checks: dict[str, dict] = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        error = check()
        checks[name] = {"ok": error is None, "ms": round((time.perf_counter() - started) * 1000, 1)}
        if error:
            checks[name]["error"] = error
    failing = [name for name, result in checks.items() if not result["ok"]]
    return {"ready": not failing, "failing": failing, "checks": checks}
