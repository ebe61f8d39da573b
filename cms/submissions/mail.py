"""The e-mails to a submission's author, written in the submission's language."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Submission


def _send(submission: Submission, subject: str, template: str, context: dict) -> None:
    body = render_to_string(template, {"submission": submission, **context})
    send_mail(subject, body, None, [submission.email])


def send_confirmation(submission: Submission, link: str) -> None:
    with translation.override(submission.language):
        _send(
            submission,
            _("Confirm your contribution"),
            "submissions/mail/confirm.txt",
            {"link": link},
        )


def send_decision(submission: Submission, page_url: str = "") -> None:
    """The approval (with the page's address) or the rejection (with the reason)."""
    with translation.override(submission.language):
        if submission.status == "approved":
            subject = _("Your contribution was published")
            template = "submissions/mail/approved.txt"
        else:
            subject = _("Your contribution was not accepted")
            template = "submissions/mail/rejected.txt"
        _send(submission, subject, template, {"page_url": page_url})
