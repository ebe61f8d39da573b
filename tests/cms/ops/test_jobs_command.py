from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from .factories import dead_pid, heartbeat, job

pytestmark = pytest.mark.django_db


def jobs(*args) -> str:
    out = StringIO()
    call_command("jobs", *args, stdout=out)
    return out.getvalue()


def test_list_shows_jobs_states_attempts_and_live_workers():
    heartbeat("live-worker", seen_ago=1)
    running = job(workers=["live-worker"], started_ago=90)
    failed = job(status="FAILED", traceback="Traceback...\nValueError: bad feed")
    output = jobs("list")
    assert str(running.pk) in output and str(failed.pk) in output
    assert "RUNNING" in output and "90s" in output
    assert "! ValueError: bad feed" in output
    assert "1 live worker(s): live-worker" in output


def test_list_filters_by_state_and_age():
    failed = job(status="FAILED")
    running = job()
    output = jobs("list", "--state", "failed")
    assert str(failed.pk) in output and str(running.pk) not in output
    assert str(failed.pk) not in jobs("list", "--older-than", "10")


def test_retry_puts_a_failed_job_back_in_the_queue():
    failed = job(status="FAILED", workers=["a", "b"], traceback="boom")
    assert "queued again" in jobs("retry", str(failed.pk))
    failed.refresh_from_db()
    assert (failed.status, failed.worker_ids, failed.traceback) == ("READY", [], "")


def test_cancel_takes_a_waiting_job_out_of_the_queue():
    waiting = job(status="READY", workers=[])
    jobs("cancel", str(waiting.pk))
    waiting.refresh_from_db()
    assert waiting.status == "FAILED"
    assert waiting.exception_class_path == "cms.ops.jobs.Cancelled"


@pytest.mark.parametrize(
    "args, message",
    [
        (["retry", "not-a-uuid"], "No job with ID not-a-uuid"),
        (["cancel", "00000000-0000-0000-0000-000000000000"], "No job with ID"),
    ],
)
def test_unknown_jobs_are_a_clear_error(args, message):
    with pytest.raises(CommandError, match=message):
        jobs(*args)


def test_running_jobs_cannot_be_cancelled_or_retried():
    running = job()
    with pytest.raises(CommandError, match="only waiting"):
        jobs("cancel", str(running.pk))
    with pytest.raises(CommandError, match="only finished"):
        jobs("retry", str(running.pk))
    assert DBTaskResult.objects.get(pk=running.pk).status == "RUNNING"


def test_recover_requeues_jobs_of_dead_workers():
    heartbeat("gone", pid=dead_pid())
    stuck = job(workers=["gone"])
    assert "1 job(s) of dead workers queued again" in jobs("recover")
    stuck.refresh_from_db()
    assert stuck.status == "READY"
