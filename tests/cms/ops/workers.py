"""Starting real worker processes against the test database, with short heartbeats."""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tests.cms.aggregator.test_fault import database_url

ROOT = Path(__file__).resolve().parents[3]
# Short enough that a dead worker is noticed in about a second.
FAST = {
    "WORKER_HEARTBEAT_INTERVAL": "1",
    "WORKER_HEARTBEAT_MAX_AGE": "10",
    "JOBS_RECOVERY_INTERVAL": "1",
    "JOBS_MAX_ATTEMPTS": "3",
    "WORKER_NICE": "0",
}


def worker_env(**extra: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.cms.ops.worker_settings",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "database",
        **FAST,
        **extra,
    }


def start(command: list[str], **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=worker_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def start_worker(**env: str) -> subprocess.Popen:
    return start(["worker", "--interval", "0.1", "--no-startup-delay", "--no-reload"], **env)


def kill(process: subprocess.Popen) -> None:
    """SIGKILL, and reap the process so that its PID is really gone."""
    process.kill()
    process.wait(timeout=10)


def stop(process: subprocess.Popen) -> str:
    """Stop gracefully (SIGTERM) and return what the process printed."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.stdout.read() if process.stdout else ""


@contextmanager
def workers(count: int = 1, **env: str):
    processes = [start_worker(**env) for _ in range(count)]
    try:
        yield processes
    finally:
        for process in processes:
            stop(process)


def wait_until(predicate, timeout: float = 30.0, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())
