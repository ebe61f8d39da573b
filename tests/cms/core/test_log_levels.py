"""Background jobs log nothing at INFO per job; failures are still logged.

The test settings log everything, so these tests apply the real LOGGING of
cms/settings/base.py and undo it afterwards.
"""

import logging
import logging.config

import pytest
from django_tasks import task
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from cms.settings import base
from tests.helpers import locale, story
from translations.models import TranslationTask
from translations.models.workflow import TaskStatus
from translations.requests import request_translations


@task()
def succeeds() -> int:
    return 1


@task()
def fails() -> int:
    raise RuntimeError("the job broke")


@pytest.fixture
def site_logging():
    names = ["", *base.LOGGING["loggers"]]
    saved = {
        name: (
            logging.getLogger(name).level,
            logging.getLogger(name).filters[:],
            logging.getLogger(name).handlers[:],
        )
        for name in names
    }
    logging.config.dictConfig(base.LOGGING)
    # What `manage.py db_worker` (and our `worker`) does when it starts: INFO for the
    # django_tasks loggers, which printed a RUNNING and a SUCCESSFUL line per job.
    DatabaseWorker().configure_logging(verbosity=1)
    yield
    for name, (level, filters, handlers) in saved.items():
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.filters[:] = filters
        logger.handlers[:] = handlers


def task_records(caplog) -> list[logging.LogRecord]:
    return [
        r for r in caplog.records if r.name.split(".")[0] in ("django_tasks", "django_tasks_db")
    ]


def test_jobs_that_succeed_log_nothing_and_failures_are_logged(site_logging, caplog):
    with caplog.at_level(logging.DEBUG):
        assert succeeds.enqueue().status == "SUCCESSFUL"
        assert task_records(caplog) == []
        assert fails.enqueue().status == "FAILED"
    records = task_records(caplog)
    assert [record.levelno for record in records] == [logging.ERROR]
    assert "state=FAILED" in records[0].getMessage()
    assert "the job broke" in caplog.text


@pytest.mark.django_db
def test_a_translation_job_logs_nothing_at_info(site_logging, caplog, installed_models):
    with caplog.at_level(logging.DEBUG):
        request_translations(story("coffee-exports"), [locale("lo")])
    assert TranslationTask.objects.get(target_locale=locale("lo")).status == TaskStatus.DONE
    noisy = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert noisy == [], [r.getMessage() for r in noisy]
