"""Monthly figures for the measurement report (``register_measurement_figures``)."""

from datetime import datetime

from django.db.models import Q

from .models import Delivery, DeliveryStatus, Subscriber


def confirmed_subscribers(language_code: str | None, start: datetime, end: datetime) -> int:
    """Subscribers confirmed before ``end`` and not unsubscribed by then."""
    subscribers = Subscriber.objects.filter(confirmed_at__lt=end).filter(
        Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=end)
    )
    if language_code is not None:
        subscribers = subscribers.filter(language=language_code)
    return subscribers.count()


def mails_sent(language_code: str | None, start: datetime, end: datetime) -> int:
    """Newsletter messages the SMTP server accepted within the month."""
    deliveries = Delivery.objects.filter(
        status=DeliveryStatus.SENT, sent_at__gte=start, sent_at__lt=end
    )
    if language_code is not None:
        deliveries = deliveries.filter(issue__language=language_code)
    return deliveries.count()
