"""Subscribers (one per address and language), issues (editions) and their deliveries.

A subscriber holds only what sending needs: the address, the language, when it was
confirmed and the unsubscribe token. Unsubscribing erases the address and keeps the rest,
so the monthly figures stay right and the one-click link keeps answering.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=16, db_index=True)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "language"],
                condition=~models.Q(email=""),
                name="newsletters_one_subscription_per_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email or '–'} ({self.language})"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Issue(models.Model):
    """One edition of a language's newsletter, with the content it was sent with."""

    language = models.CharField(_("language"), max_length=16, db_index=True)
    subject = models.CharField(_("subject"), max_length=255)
    period_start = models.DateTimeField(_("stories published from"))
    period_end = models.DateTimeField(_("stories published until"))
    items = models.JSONField(_("stories"), default=list)  # headline, summary, url, image
    html_body = models.TextField(_("HTML content"))
    text_body = models.TextField(_("plain-text content"))
    status = models.CharField(max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    send_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter issue")
        ordering = ["-period_end", "-pk"]

    def __str__(self) -> str:
        return self.subject


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Unsubscribed before sending")
    UNCERTAIN = "uncertain", _("Interrupted while sending; not repeated")


class Delivery(models.Model):
    """One issue to one subscriber: at most one message, however often sending resumes."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletters_one_delivery_per_issue"
            )
        ]
        indexes = [models.Index(fields=["issue", "status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
