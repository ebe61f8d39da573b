"""The thread beside a worker that keeps its heartbeat fresh and recovers dead workers' jobs."""

import logging
import threading
import time

from django.db import DatabaseError, close_old_connections, connection

from . import conf
from .heartbeat import beat, stop
from .recovery import recover

logger = logging.getLogger(__name__)


class Lifeline:
    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self.interval = float(conf.get("WORKER_HEARTBEAT_INTERVAL"))
        self.recovery_interval = float(conf.get("JOBS_RECOVERY_INTERVAL"))
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="worker-lifeline", daemon=True)

    def start(self) -> None:
        """Beat once and recover before the worker takes its first job, then keep going."""
        beat(self.worker_id)
        recover()
        self._thread.start()

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=self.interval + 5)
        try:
            stop(self.worker_id)
        except DatabaseError:
            logger.warning("Could not remove the heartbeat of %s", self.worker_id)

    def _run(self) -> None:
        last_recovery = time.monotonic()
        try:
            while not self._stopping.wait(self.interval):
                close_old_connections()
                try:
                    beat(self.worker_id)
                    if time.monotonic() - last_recovery >= self.recovery_interval:
                        last_recovery = time.monotonic()
                        recover()
                except DatabaseError:
                    # e.g. SQLite locked by a long job: try again at the next beat.
                    logger.warning("Worker heartbeat failed; retrying", exc_info=True)
        finally:
            connection.close()
