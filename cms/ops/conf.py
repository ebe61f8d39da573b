"""Settings of the operations app (workers, heartbeats, job recovery), their defaults and
environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``): a project
setting of the same name wins, then the environment variable, then the default here.
"""

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting("WORKER_HEARTBEAT_INTERVAL", 10.0, "seconds between two heartbeats of a worker"),
    Setting(
        "WORKER_HEARTBEAT_MAX_AGE",
        60.0,
        "seconds after which a silent worker is dead: `/readyz` fails, its jobs are redone",
    ),
    Setting(
        "JOBS_LEASE_TIMEOUT",
        1800.0,
        "seconds after which a running job of a worker that sent no heartbeat is redone",
    ),
    Setting("JOBS_RECOVERY_INTERVAL", 60.0, "seconds between two recovery passes in a worker"),
    Setting("JOBS_MAX_ATTEMPTS", 3, "a job taken up this many times by dead workers fails"),
    Setting("WORKER_NICE", 10, "niceness added to worker processes, so page requests come first"),
)
get = SETTINGS.get
