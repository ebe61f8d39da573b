"""Monthly figures for the measurement dashboard (``register_measurement_figures``).

Received counts submissions confirmed in the period (unconfirmed ones never reached the
moderators); approved and rejected count decisions taken in it. The rows of rejected
submissions outlive the purge without their personal data, so past months stay right."""

from collections.abc import Callable
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from .models import Status, Submission


def _counter(field: str, status: str | None) -> Callable:
    def compute(language_code: str | None, start: datetime, end: datetime) -> int:
        rows = Submission.objects.filter(**{f"{field}__gte": start, f"{field}__lt": end})
        if status:
            rows = rows.filter(status=status)
        if language_code:
            rows = rows.filter(language=language_code)
        return rows.count()

    return compute


def figures() -> list[tuple]:
    return [
        ("submissions_received", _("Public submissions received"), _counter("confirmed_at", None)),
        (
            "submissions_approved",
            _("Public submissions approved"),
            _counter("decided_at", Status.APPROVED),
        ),
        (
            "submissions_rejected",
            _("Public submissions rejected"),
            _counter("decided_at", Status.REJECTED),
        ),
    ]
