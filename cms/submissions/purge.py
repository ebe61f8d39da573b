"""Deleting personal data that is no longer needed (``manage.py purge_submissions``, and
the worker's periodic task in ``tasks``).

After SUBMISSIONS_RETENTION_DAYS:
- an unconfirmed submission is deleted entirely (nobody confirmed it: likely not a person,
  or someone's address used without their consent);
- a rejected submission loses its photo, name, country, e-mail, title, text and reason;
  what remains (language, status, dates) only feeds the monthly figures.
Approved submissions keep their data: the author agreed to publication and may be
contacted about their page."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from . import conf
from .models import Status, Submission


@dataclass
class PurgeResult:
    deleted: int = 0
    anonymised: int = 0


def purge(now: datetime | None = None) -> PurgeResult:
    cutoff = (now or timezone.now()) - timedelta(days=conf.get("SUBMISSIONS_RETENTION_DAYS"))
    result = PurgeResult()
    for submission in Submission.objects.filter(
        status=Status.UNCONFIRMED, created_at__lt=cutoff
    ).iterator():
        if submission.photo:
            submission.photo.delete(save=False)
        submission.delete()
        result.deleted += 1
    for submission in Submission.objects.filter(
        status=Status.REJECTED, decided_at__lt=cutoff, purged_at=None
    ).iterator():
        submission.forget_personal_data()
        result.anonymised += 1
    return result
