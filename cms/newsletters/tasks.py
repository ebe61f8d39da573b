"""Background work: confirmation mails, sending issues, and the weekly digest.

The weekly schedule is one task that queues the next run NEWSLETTER_INTERVAL later
(started by ``manage.py newsletter schedule``); without a deferring task backend, run
``manage.py newsletter weekly`` from cron instead (README).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from . import conf
from .digest import EmptyDigest, build_issue
from .mails import confirmation_message
from .models import Issue, Subscriber
from .sending import send_due, start_sending
from .subscriptions import purge_unconfirmed

logger = logging.getLogger(__name__)
WEEKLY_PATH = "cms.newsletters.tasks.weekly_tick"


@task()
def send_confirmation_task(subscriber_id: int) -> bool:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.is_active or not subscriber.email:
        return False
    confirmation_message(subscriber).send()
    return True


@task()
def send_issue_task(issue_id: int) -> dict:
    """Send what is due of the issue; come back when the next retry is due."""
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None:
        return {}
    outcome = send_due(issue)
    if outcome.next_attempt_at is not None and default_task_backend.supports_defer:
        send_issue_task.using(run_after=outcome.next_attempt_at).enqueue(issue_id)
    return outcome.as_dict()


def send_issue(issue: Issue) -> bool:
    """Start sending a draft issue in the background; False if it was already started."""
    if not start_sending(issue):
        return False
    send_issue_task.enqueue(issue.pk)
    return True


def languages_with_subscribers() -> list[str]:
    codes = set(Subscriber.objects.confirmed().values_list("language", flat=True))
    return [code for code, _name in settings.LANGUAGES if code in codes]


def weekly_digests() -> dict[str, int | None]:
    """Build and send each language's digest; the issue id per language, None where
    there was nothing to send."""
    purge_unconfirmed()
    issues: dict[str, int | None] = {}
    for language in languages_with_subscribers():
        try:
            issue = build_issue(language)
        except EmptyDigest:
            issues[language] = None
            continue
        send_issue(issue)
        issues[language] = issue.pk
    return issues


@task()
def weekly_tick() -> dict:
    try:
        return weekly_digests()
    finally:
        if default_task_backend.supports_defer:
            later = timezone.now() + timedelta(seconds=conf.get("NEWSLETTER_INTERVAL"))
            weekly_tick.using(run_after=later).enqueue()


def ensure_schedule() -> bool:
    """Queue the weekly tick unless one is waiting or running. True if one was queued."""
    if not default_task_backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    from cms.ops.recovery import recover

    recover()
    waiting = DBTaskResult.objects.filter(task_path=WEEKLY_PATH, status__in=("READY", "RUNNING"))
    if waiting.exists():
        return False
    weekly_tick.enqueue()
    return True
