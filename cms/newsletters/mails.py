"""The confirmation mail of the double opt-in."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .links import confirm_url, language_url, sender
from .models import Subscriber


def confirmation_message(subscriber: Subscriber) -> EmailMessage:
    context = {
        "confirm_url": confirm_url(subscriber),
        "subscribe_url": language_url(subscriber.language, "subscribe"),
    }
    with translation.override(subscriber.language):
        subject = _("Confirm your subscription to the Vietnam newsletter")
        body = render_to_string("newsletters/email/confirm.txt", context)
    return EmailMessage(
        subject,
        body,
        sender(),
        [subscriber.email],
        headers={"Content-Language": subscriber.language, "Auto-Submitted": "auto-generated"},
    )
