"""Background work: drawing share images on publish, sending queued posts."""

import logging
import time
from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task
from wagtail.models import Page

from . import fonts, images, sending

logger = logging.getLogger(__name__)


@task()
def render_share_image_task(page_id: int) -> str:
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return ""
    try:
        share = images.ensure(page)
    except fonts.FontMissing as error:
        logger.error("No share image for page %s: %s", page_id, error)
        return ""
    return share.file.name if share is not None else ""


@task()
def send_post_task(post_id: int) -> str:
    """One attempt; a later one is queued for the backoff's time. A backend that cannot
    defer jobs (the immediate one of tests and development) waits in place instead."""
    delay = sending.attempt(post_id)
    while delay is not None:
        if default_task_backend.supports_defer:
            run_after = timezone.now() + timedelta(seconds=delay)
            send_post_task.using(run_after=run_after).enqueue(post_id)
            return "retrying"
        time.sleep(delay)
        delay = sending.attempt(post_id)
    return "done"
