"""Sending an issue: one delivery per confirmed subscriber, in batches, with retries.

Each delivery is claimed (PENDING → SENDING) in the database just before its message is
handed to the SMTP server and marked SENT right after, so a worker that dies mid-send
and starts again never sends a delivery twice: what was SENT stays sent, and a claim left
behind by a dead worker (older than STALE_CLAIM, far longer than one SMTP exchange) is
marked UNCERTAIN rather than sent again. A recipient the server refuses for now (4xx) is
tried again later, each time waiting twice as long, up to NEWSLETTER_MAX_ATTEMPTS.
"""

import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from . import conf
from .digest import render_bodies
from .links import sender, unsubscribe_mailto, unsubscribe_url
from .models import Delivery, DeliveryStatus, Issue, IssueStatus, Subscriber

STALE_CLAIM = timedelta(minutes=5)


@dataclass
class Outcome:
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    skipped: int = 0
    next_attempt_at: datetime | None = None
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "sent": self.sent,
            "deferred": self.deferred,
            "failed": self.failed,
            "skipped": self.skipped,
            "next_attempt_at": self.next_attempt_at.isoformat() if self.next_attempt_at else None,
        }


def start_sending(issue: Issue) -> bool:
    """Turn a draft into an issue being sent, with a delivery for each confirmed subscriber
    of its language at this moment. False if it had already been started."""
    with transaction.atomic():
        locked = Issue.objects.select_for_update().get(pk=issue.pk)
        if locked.status != IssueStatus.DRAFT:
            return False
        subscribers = Subscriber.objects.confirmed().filter(language=locked.language)
        Delivery.objects.bulk_create(
            [Delivery(issue=locked, subscriber=subscriber) for subscriber in subscribers],
            ignore_conflicts=True,
        )
        locked.status = IssueStatus.SENDING
        locked.send_started_at = timezone.now()
        locked.save(update_fields=["status", "send_started_at"])
    issue.refresh_from_db()
    return True


def message_for(issue: Issue, subscriber: Subscriber, connection=None) -> EmailMultiAlternatives:
    """The subscriber's copy: both parts, and the one-click way out (RFC 8058)."""
    link = unsubscribe_url(subscriber)
    html, text = render_bodies(issue, link)
    headers = {
        "List-Unsubscribe": f"<{link}>, <{unsubscribe_mailto(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Content-Language": issue.language,
    }
    message = EmailMultiAlternatives(
        issue.subject, text, sender(), [subscriber.email], headers=headers, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def smtp_code(error: Exception) -> int | None:
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        return next(iter(error.recipients.values()))[0]
    return getattr(error, "smtp_code", None)


def retry_delay(attempts: int) -> timedelta:
    seconds = conf.get("NEWSLETTER_RETRY_BASE") * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, conf.get("NEWSLETTER_RETRY_CAP")))


def claim(delivery: Delivery) -> bool:
    now = timezone.now()
    claimed = Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SENDING, claimed_at=now
    )
    return claimed == 1


def settle(delivery: Delivery, status: str, error: str = "", retry_at=None) -> None:
    delivery.status = status
    delivery.last_error = error[:500]
    delivery.next_attempt_at = retry_at
    if status == DeliveryStatus.SENT:
        delivery.sent_at = timezone.now()
    delivery.save(update_fields=["status", "last_error", "next_attempt_at", "sent_at", "attempts"])


def deliver(delivery: Delivery, issue: Issue, connection, outcome: Outcome) -> bool:
    """Send one delivery; False when the connection broke and must be reopened."""
    subscriber = delivery.subscriber
    if not claim(delivery):
        return True  # another run took it
    if not subscriber.is_active:
        settle(delivery, DeliveryStatus.SKIPPED)
        outcome.skipped += 1
        return True
    delivery.attempts += 1
    try:
        message_for(issue, subscriber, connection).send()
    except (smtplib.SMTPException, OSError) as error:
        code = smtp_code(error)
        text = f"{code or ''} {error}".strip()
        permanent = code is not None and 500 <= code < 600
        if permanent or delivery.attempts >= conf.get("NEWSLETTER_MAX_ATTEMPTS"):
            settle(delivery, DeliveryStatus.FAILED, text)
            outcome.failed += 1
        else:
            settle(
                delivery,
                DeliveryStatus.PENDING,
                text,
                timezone.now() + retry_delay(delivery.attempts),
            )
            outcome.deferred += 1
        outcome.errors.append(text)
        return isinstance(error, smtplib.SMTPRecipientsRefused)
    settle(delivery, DeliveryStatus.SENT)
    outcome.sent += 1
    return True


def send_due(issue: Issue, progress: Callable[[Outcome], None] | None = None) -> Outcome:
    """Send every delivery of ``issue`` that is due, each at most once in this run;
    marks the issue SENT once none is waiting. ``progress`` is told after each batch."""
    outcome = Outcome()
    if issue.status != IssueStatus.SENDING:
        return outcome
    issue.deliveries.filter(
        status=DeliveryStatus.SENDING, claimed_at__lt=timezone.now() - STALE_CLAIM
    ).update(status=DeliveryStatus.UNCERTAIN)
    attempted: set[int] = set()
    while True:
        due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
        batch = list(
            issue.deliveries.filter(due, status=DeliveryStatus.PENDING)
            .exclude(pk__in=attempted)
            .select_related("subscriber")
            .order_by("pk")[: conf.get("NEWSLETTER_BATCH_SIZE")]
        )
        if not batch:
            break
        if attempted:
            time.sleep(conf.get("NEWSLETTER_BATCH_PAUSE"))
        connection = get_connection(fail_silently=False)
        try:
            for delivery in batch:
                attempted.add(delivery.pk)
                if not deliver(delivery, issue, connection, outcome):
                    connection.close()
        finally:
            connection.close()
        if progress is not None:
            progress(outcome)
    finish(issue, outcome)
    return outcome


def finish(issue: Issue, outcome: Outcome) -> None:
    waiting = issue.deliveries.filter(status__in=(DeliveryStatus.PENDING, DeliveryStatus.SENDING))
    if waiting.exists():
        outcome.next_attempt_at = waiting.aggregate(at=Min("next_attempt_at"))["at"] or (
            timezone.now() + STALE_CLAIM
        )
        return
    Issue.objects.filter(pk=issue.pk, status=IssueStatus.SENDING).update(
        status=IssueStatus.SENT, sent_at=timezone.now()
    )
    issue.refresh_from_db()
