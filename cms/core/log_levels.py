"""A level threshold that holds even when a command resets its logger's level.

django-tasks-db's ``db_worker`` (and every worker built on it) sets the ``django_tasks``
and ``django_tasks_db`` loggers to INFO when it starts, which prints a RUNNING and a
SUCCESSFUL line for every job. ``setLevel`` leaves a logger's filters alone, so a filter
keeps them quiet while failures (ERROR) still get through.
"""

import logging


class MinimumLevelFilter(logging.Filter):
    def __init__(self, level: str = "WARNING"):
        super().__init__()
        self.level = logging.getLevelNamesMapping().get(level.upper(), logging.WARNING)

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level
