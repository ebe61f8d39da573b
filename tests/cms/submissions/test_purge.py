"""Personal data of rejected and unconfirmed submissions goes after the retention time."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from cms.submissions.models import Status, Submission

from .factories import SubmissionFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def test_purge_after_retention(settings):
    settings.SUBMISSIONS_RETENTION_DAYS = 30
    now = timezone.now()
    old_rejected = SubmissionFactory(
        status=Status.REJECTED, decided_at=now - timedelta(days=31), reason="Off topic"
    )
    old_rejected.photo.save("p.jpg", ContentFile(jpeg_bytes()))
    photo_path = old_rejected.photo.path
    recent_rejected = SubmissionFactory(status=Status.REJECTED, decided_at=now - timedelta(days=5))
    old_unconfirmed = SubmissionFactory(
        status=Status.UNCONFIRMED, confirmed_at=None, created_at=now - timedelta(days=31)
    )
    old_approved = SubmissionFactory(status=Status.APPROVED, decided_at=now - timedelta(days=90))

    out = StringIO()
    call_command("purge_submissions", stdout=out)
    assert "1 unconfirmed submissions deleted" in out.getvalue()
    assert "1 rejected submissions stripped" in out.getvalue()

    assert not Submission.objects.filter(pk=old_unconfirmed.pk).exists()
    old_rejected.refresh_from_db()
    for field in ("name", "country", "email", "title", "text", "reason"):
        assert getattr(old_rejected, field) == ""
    assert not old_rejected.photo
    import os

    assert not os.path.exists(photo_path)
    assert old_rejected.language == "en" and old_rejected.purged_at is not None
    recent_rejected.refresh_from_db()
    assert recent_rejected.email
    old_approved.refresh_from_db()
    assert old_approved.email

    out = StringIO()
    call_command("purge_submissions", stdout=out)
    assert "0 unconfirmed submissions deleted, 0 rejected" in out.getvalue()


def test_purge_task_runs_the_same_purge(settings):
    from cms.submissions.tasks import purge_task

    old = SubmissionFactory(status=Status.REJECTED, decided_at=timezone.now() - timedelta(days=40))
    result = purge_task.enqueue()
    assert result.return_value == {"deleted": 0, "anonymised": 1}
    old.refresh_from_db()
    assert old.email == ""
