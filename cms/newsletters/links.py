"""Absolute addresses for the mails, and the signed confirmation token."""

import hashlib
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from . import conf

CONFIRM_SALT = "newsletters.confirm"


def base_url() -> str:
    return (conf.get("NEWSLETTER_BASE_URL") or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + "/"


def absolute(url: str) -> str:
    """``url`` as seen from outside: a path is joined to the site's base address."""
    return urljoin(base_url(), url)


def language_url(language: str, name: str, *args) -> str:
    with translation.override(language):
        return absolute(reverse(f"newsletters:{name}", args=args))


def email_digest(email: str) -> str:
    return hashlib.sha256(email.lower().encode()).hexdigest()[:20]


def confirmation_token(subscriber) -> str:
    """Signed and dated; names the subscriber and a digest of the address (never the
    address itself), so it stops working once the address is erased or replaced."""
    return signing.dumps([subscriber.pk, email_digest(subscriber.email)], salt=CONFIRM_SALT)


def read_confirmation_token(token: str) -> tuple[int, str]:
    """(subscriber id, address digest); raises ``signing.BadSignature`` (or its subclass
    ``SignatureExpired``) for a forged, damaged or stale token."""
    value = signing.loads(token, salt=CONFIRM_SALT, max_age=conf.get("NEWSLETTER_CONFIRM_MAX_AGE"))
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        raise signing.BadSignature("unexpected token content")
    return value[0], str(value[1])


def confirm_url(subscriber) -> str:
    return language_url(subscriber.language, "confirm", confirmation_token(subscriber))


def unsubscribe_url(subscriber) -> str:
    return language_url(subscriber.language, "unsubscribe", subscriber.unsubscribe_token)


def sender() -> str:
    return conf.get("NEWSLETTER_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL


def unsubscribe_mailto(subscriber) -> str:
    address = conf.get("NEWSLETTER_UNSUBSCRIBE_MAILTO") or sender()
    if "<" in address:  # "Name <box@host>": keep the address
        address = address.split("<", 1)[1].rstrip(">").strip()
    return f"mailto:{address}?subject=unsubscribe%20{subscriber.unsubscribe_token}"
