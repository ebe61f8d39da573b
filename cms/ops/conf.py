"""Settings of the operations app, each with a default read from the environment.

A project setting of the same name wins over the environment."""

import os

from django.conf import settings

DEFAULTS = {
    # Seconds between two heartbeats of a worker.
    "WORKER_HEARTBEAT_INTERVAL": ("WORKER_HEARTBEAT_INTERVAL", 10.0),
    # A worker not seen for this many seconds is dead: /readyz fails and its jobs are redone.
    "WORKER_HEARTBEAT_MAX_AGE": ("WORKER_HEARTBEAT_MAX_AGE", 60.0),
    # A running job whose worker never sent a heartbeat (a plain db_worker) is redone after this.
    "JOBS_LEASE_TIMEOUT": ("JOBS_LEASE_TIMEOUT", 1800.0),
    # Seconds between two recovery passes inside a worker.
    "JOBS_RECOVERY_INTERVAL": ("JOBS_RECOVERY_INTERVAL", 60.0),
    # A job taken up this many times by workers that died is marked failed.
    "JOBS_MAX_ATTEMPTS": ("JOBS_MAX_ATTEMPTS", 3),
    # Niceness added to the worker process, so page requests come first.
    "WORKER_NICE": ("WORKER_NICE", 10),
}


def get(name: str):
    environ_name, default = DEFAULTS[name]
    if hasattr(settings, name):
        return getattr(settings, name)
    raw = os.environ.get(environ_name)
    if raw in (None, ""):
        return default
    return type(default)(raw)
