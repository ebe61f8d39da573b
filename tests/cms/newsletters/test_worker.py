"""With the database task backend, as in production: the worker sends, and the task
queues itself again for the retry, at the time the retry is due."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from cms.newsletters.models import Delivery, IssueStatus
from cms.newsletters.tasks import WEEKLY_PATH, ensure_schedule, send_issue

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SEND_PATH = "cms.newsletters.tasks.send_issue_task"


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())


@pytest.fixture
def in_test_transaction(monkeypatch):
    """The real worker, run in this process: it must not close the connection that holds
    the test's transaction (it does so between tasks, like a request's end)."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def test_the_worker_sends_and_comes_back_for_the_retry(settings, smtp, in_test_transaction):
    settings.TASKS = DATABASE_TASKS
    settings.NEWSLETTER_RETRY_BASE = 900
    first, greylisted = SubscriberFactory.create_batch(2, language="en")
    smtp.handler.refuse[greylisted.email] = 1
    issue = IssueFactory(status=IssueStatus.DRAFT, sent_at=None)

    send_issue(issue)
    assert smtp.received == []  # queued, not sent in the request
    run_worker()
    assert len(smtp.to(first.email)) == 1 and smtp.to(greylisted.email) == []
    retry = DBTaskResult.objects.get(task_path=SEND_PATH, status="READY")
    waiting = Delivery.objects.get(subscriber=greylisted)
    assert retry.run_after == waiting.next_attempt_at
    assert (retry.run_after - timezone.now()).total_seconds() > 800

    run_worker()  # not due yet: nothing happens
    assert len(smtp.received) == 1
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    Delivery.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())
    run_worker()
    assert len(smtp.to(greylisted.email)) == 1 and len(smtp.to(first.email)) == 1
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert not DBTaskResult.objects.filter(task_path=SEND_PATH, status="READY").exists()


def test_weekly_schedule_is_started_once(settings):
    settings.TASKS = DATABASE_TASKS
    assert ensure_schedule() is True
    assert ensure_schedule() is False
    assert DBTaskResult.objects.filter(task_path=WEEKLY_PATH, status="READY").count() == 1


def test_schedule_command_with_the_immediate_backend_says_so():
    out = StringIO()
    call_command("newsletter", "schedule", stdout=out)
    assert "cannot defer" in out.getvalue()
