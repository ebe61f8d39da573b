"""Batches, temporary refusals and retries, and resuming without sending twice."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from cms.newsletters.models import Delivery, DeliveryStatus, IssueStatus
from cms.newsletters.sending import send_due, start_sending
from cms.newsletters.tasks import send_issue, send_issue_task

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def draft(**fields):
    return IssueFactory(status=IssueStatus.DRAFT, sent_at=None, **fields)


def test_refused_recipient_is_retried_later_and_nobody_gets_two(smtp):
    readers = SubscriberFactory.create_batch(3, language="en")
    greylisted = readers[1].email
    smtp.handler.refuse[greylisted] = 1  # one "451 try again later"
    issue = draft()

    with override_settings(NEWSLETTER_BATCH_SIZE=2, NEWSLETTER_RETRY_BASE=600):
        send_issue(issue)

    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING  # one delivery still waits
    waiting = Delivery.objects.get(issue=issue, subscriber=readers[1])
    assert waiting.status == DeliveryStatus.PENDING and waiting.attempts == 1
    assert waiting.last_error.startswith("451")
    assert timezone.now() + timedelta(seconds=590) < waiting.next_attempt_at
    assert [len(smtp.to(reader.email)) for reader in readers] == [1, 0, 1]

    # Resuming before the retry is due sends nothing.
    send_issue_task.enqueue(issue.pk)
    assert [len(smtp.to(reader.email)) for reader in readers] == [1, 0, 1]

    # When it is due, the worker resumes: the refused reader gets it, nobody twice.
    Delivery.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())
    send_issue_task.enqueue(issue.pk)
    assert [len(smtp.to(reader.email)) for reader in readers] == [1, 1, 1]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert set(issue.deliveries.values_list("status", flat=True)) == {DeliveryStatus.SENT}

    send_issue_task.enqueue(issue.pk)  # a late duplicate of the task changes nothing
    assert len(smtp.received) == 3


def test_a_worker_killed_mid_send_resumes_without_repeating(smtp):
    """The state a killed worker leaves: some deliveries sent, one claimed (its message
    may or may not have left), the rest waiting."""
    readers = SubscriberFactory.create_batch(4, language="en")
    issue = draft()
    start_sending(issue)
    deliveries = list(issue.deliveries.order_by("pk"))
    Delivery.objects.filter(pk=deliveries[0].pk).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now()
    )
    Delivery.objects.filter(pk=deliveries[1].pk).update(
        status=DeliveryStatus.SENDING, claimed_at=timezone.now() - timedelta(minutes=10)
    )

    outcome = send_due(issue)

    assert outcome.sent == 2
    assert smtp.to(readers[0].email) == [] and smtp.to(readers[1].email) == []
    assert len(smtp.to(readers[2].email)) == 1 and len(smtp.to(readers[3].email)) == 1
    statuses = list(issue.deliveries.order_by("pk").values_list("status", flat=True))
    assert statuses == ["sent", "uncertain", "sent", "sent"]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_permanent_refusal_fails_at_once_and_retries_stop_at_the_limit(smtp):
    gone, flaky = SubscriberFactory.create_batch(2, language="en")
    smtp.handler.reject.add(gone.email)
    smtp.handler.refuse[flaky.email] = 10
    issue = draft()
    with override_settings(NEWSLETTER_RETRY_BASE=0, NEWSLETTER_MAX_ATTEMPTS=3):
        start_sending(issue)
        for _ in range(3):
            send_due(issue)
    assert Delivery.objects.get(subscriber=gone).status == DeliveryStatus.FAILED
    assert Delivery.objects.get(subscriber=gone).attempts == 1
    assert Delivery.objects.get(subscriber=flaky).status == DeliveryStatus.FAILED
    assert Delivery.objects.get(subscriber=flaky).attempts == 3
    assert smtp.received == []
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT  # finished: nothing is left to try


def test_only_confirmed_subscribers_of_the_language_get_the_issue(smtp):
    reader = SubscriberFactory(language="en")
    SubscriberFactory(language="en", confirmed_at=None)
    SubscriberFactory(language="lo")
    SubscriberFactory(language="en", unsubscribed_at=timezone.now(), email="")
    issue = draft()
    send_issue(issue)
    assert [item.recipients for item in smtp.received] == [[reader.email]]
    assert not send_issue(issue)  # a second send of the same issue is refused
    assert len(smtp.received) == 1


def test_server_down_defers_everyone(settings):
    SubscriberFactory.create_batch(2, language="en")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    settings.EMAIL_TIMEOUT = 2
    issue = draft()
    start_sending(issue)
    outcome = send_due(issue)
    assert outcome.deferred == 2 and outcome.sent == 0
    assert outcome.next_attempt_at is not None
    assert issue.deliveries.filter(status=DeliveryStatus.PENDING, attempts=1).count() == 2
