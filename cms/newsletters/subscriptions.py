"""Double opt-in: asking, confirming and leaving, with limits against abuse.

The public form is an abuse target (someone types a victim's address again and again),
so a confirmation mail goes out only while the address has had fewer than
NEWSLETTER_CONFIRMATIONS_PER_EMAIL of them that day, and never to an address already
subscribed. The visitor sees the same answer either way: the form tells nobody whether an
address is subscribed.
"""

from datetime import timedelta

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import conf
from .links import email_digest, read_confirmation_token
from .models import DeliveryStatus, Subscriber


class InvalidToken(Exception):
    """A confirmation link that is forged, damaged, expired or no longer applies."""


def within_limit(key: str, limit: int, window: int) -> bool:
    """Count one more use of ``key`` in the shared cache; False once past ``limit`` uses
    within ``window`` seconds (the window starts with the first use)."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def ip_within_limit(ip: str | None) -> bool:
    return within_limit(
        f"newsletters:subscribe-ip:{ip or 'unknown'}", conf.get("NEWSLETTER_SUBSCRIBE_PER_IP"), 3600
    )


def normalise(email: str) -> str:
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def request_subscription(email: str, language: str) -> Subscriber | None:
    """Record the wish; returns the subscriber a confirmation mail should now go to, or
    None when none may be sent (already subscribed, or the address's daily limit is
    reached)."""
    email = normalise(email)
    try:
        with transaction.atomic():
            subscriber, _created = Subscriber.objects.get_or_create(email=email, language=language)
    except IntegrityError:  # a parallel request created it
        subscriber = Subscriber.objects.get(email=email, language=language)
    if subscriber.is_active:
        return None
    key = f"newsletters:confirm-mail:{email_digest(email)}"
    if not within_limit(key, conf.get("NEWSLETTER_CONFIRMATIONS_PER_EMAIL"), 24 * 3600):
        return None
    return subscriber


def subscriber_for_token(token: str) -> Subscriber:
    try:
        pk, digest = read_confirmation_token(token)
    except signing.BadSignature as error:
        raise InvalidToken from error
    subscriber = Subscriber.objects.filter(pk=pk, unsubscribed_at__isnull=True).first()
    if subscriber is None or not subscriber.email or email_digest(subscriber.email) != digest:
        raise InvalidToken
    return subscriber


def confirm(token: str) -> Subscriber:
    subscriber = subscriber_for_token(token)
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return subscriber


@transaction.atomic
def unsubscribe(subscriber: Subscriber) -> None:
    """Stop every mail to the subscriber and erase the address (idempotent)."""
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.email = ""
        subscriber.save(update_fields=["unsubscribed_at", "email"])
    subscriber.deliveries.filter(status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SKIPPED
    )


def purge_unconfirmed() -> int:
    """Forget addresses whose confirmation link has expired unused."""
    limit = timezone.now() - timedelta(seconds=conf.get("NEWSLETTER_CONFIRM_MAX_AGE"))
    deleted, _ = Subscriber.objects.filter(
        confirmed_at__isnull=True, unsubscribed_at__isnull=True, created_at__lt=limit
    ).delete()
    return deleted
