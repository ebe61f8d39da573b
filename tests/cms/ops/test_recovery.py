import pytest
from django.dispatch import receiver
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from cms.aggregator.tasks import TICK_PATH
from cms.ops.recovery import WORKER_LOST, recover

from .factories import dead_pid, heartbeat, job

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.WORKER_HEARTBEAT_MAX_AGE = 60
    settings.JOBS_LEASE_TIMEOUT = 1800
    settings.JOBS_MAX_ATTEMPTS = 3


def test_a_job_whose_worker_stopped_beating_is_queued_again_with_its_attempts():
    heartbeat("w1", seen_ago=120, hostname="elsewhere")
    stuck = job(workers=["w1"], started_ago=300)
    report = recover()
    stuck.refresh_from_db()
    assert report.requeued == [str(stuck.pk)]
    assert stuck.status == "READY" and stuck.started_at is None
    assert stuck.worker_ids == ["w1"]


def test_a_worker_gone_from_this_machine_is_dead_at_once():
    heartbeat("w1", seen_ago=0, pid=dead_pid())
    stuck = job(workers=["w1"])
    assert recover().requeued == [str(stuck.pk)]


def test_jobs_of_live_workers_are_left_alone():
    heartbeat("here", seen_ago=1)
    heartbeat("remote", seen_ago=30, hostname="elsewhere", pid=4242)
    running = [job(workers=["here"]), job(workers=["remote"])]
    assert recover().requeued == []
    assert all(DBTaskResult.objects.get(pk=r.pk).status == "RUNNING" for r in running)


def test_a_worker_without_heartbeat_keeps_its_job_for_the_lease():
    recent = job(workers=["plain-db-worker"], started_ago=60)
    old = job(workers=["plain-db-worker"], started_ago=3600)
    assert recover().requeued == [str(old.pk)]
    recent.refresh_from_db()
    assert recent.status == "RUNNING"


def test_after_the_attempt_limit_the_job_fails_with_a_reason():
    finished = []

    @receiver(task_finished, weak=False)
    def seen(sender, task_result, **kwargs):
        finished.append(task_result)

    try:
        stuck = job(workers=["w1", "w2", "w3"], started_ago=3600)
        report = recover()
    finally:
        task_finished.disconnect(seen)
    stuck.refresh_from_db()
    assert report.failed == [str(stuck.pk)]
    assert stuck.status == "FAILED" and stuck.exception_class_path == WORKER_LOST
    assert "gave up after 3 attempts" in stuck.traceback
    assert [str(result.id) for result in finished] == [str(stuck.pk)]


def test_a_tick_given_up_is_replaced_so_the_schedule_never_stops(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tick = job(path=TICK_PATH, workers=["w1", "w2", "w3"], started_ago=3600)
    recover()
    tick.refresh_from_db()
    assert tick.status == "FAILED"
    assert DBTaskResult.objects.filter(task_path=TICK_PATH, status="READY").count() == 1


def test_heartbeats_of_long_gone_workers_are_forgotten():
    from cms.ops.models import WorkerHeartbeat

    heartbeat("ancient", seen_ago=3 * 86400, hostname="elsewhere")
    heartbeat("recent", seen_ago=1)
    recover()
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["recent"]
