"""TASKS_BACKEND=rq: a task enqueued on Redis runs on a real `manage.py rqworker`."""

import pytest
import redis
from django.contrib.auth.models import Group

from . import probe_tasks
from .workers import start

RQ_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def rq_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": RQ_URL}}
    connection = redis.Redis.from_url(RQ_URL)
    connection.flushdb()
    yield connection
    connection.flushdb()


@pytest.mark.django_db(transaction=True)
def test_a_task_enqueued_on_redis_runs_on_an_rq_worker(rq_queue):
    result = probe_tasks.record.enqueue("rq")
    assert rq_queue.exists(f"rq:job:{result.id}")
    worker = start(
        ["rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job"],
        TASKS_BACKEND="rq",
        RQ_URL=RQ_URL,
    )
    output, _ = worker.communicate(timeout=120)
    assert worker.returncode == 0, output
    result.refresh()
    assert result.status == "SUCCESSFUL", output
    [group] = Group.objects.filter(name__startswith=f"{probe_tasks.PREFIX}rq-")
    assert result.return_value == group.name
