"""Sending a post: one attempt at a time, with exponential backoff on errors worth
retrying and a recorded error on the others."""

import logging
from datetime import timedelta

from django.utils import timezone

from . import adapters, conf, fonts, images
from .models import Post, PostStatus

logger = logging.getLogger(__name__)


def backoff(attempts: int, retry_after: float | None = None) -> float:
    """Seconds before the next attempt: doubling from SOCIAL_BACKOFF_BASE, never sooner
    than the platform's Retry-After, never longer than SOCIAL_BACKOFF_CAP."""
    cap = float(conf.get("SOCIAL_BACKOFF_CAP"))
    delay = float(conf.get("SOCIAL_BACKOFF_BASE")) * 2 ** max(0, attempts - 1)
    if retry_after is not None:
        delay = max(delay, float(retry_after))
    return min(delay, cap)


def _outgoing(post: Post) -> adapters.Outgoing:
    page = post.page.specific if post.page_id else None
    image = b""
    if post.with_image and page is not None:
        try:
            share = images.ensure(page)
        except fonts.FontMissing as error:
            logger.error("Social post %s goes without its image: %s", post.pk, error)
            share = None
        if share is not None:
            with share.file.open("rb") as handle:
                image = handle.read()
    return adapters.Outgoing(
        text=post.text,
        language=post.language,
        link=(page.full_url or "") if page is not None else "",
        idempotency_key=str(post.idempotency_key),
        image=image or None,
        image_alt=page.title if page is not None else "",
    )


def claim(post_id: int) -> Post | None:
    """The post, marked as being sent, if it is waiting to be sent (one worker only)."""
    waiting = (PostStatus.QUEUED, PostStatus.RETRYING)
    claimed = Post.objects.filter(pk=post_id, status__in=waiting).update(status=PostStatus.SENDING)
    return Post.objects.select_related("channel").get(pk=post_id) if claimed else None


def attempt(post_id: int) -> float | None:
    """Send the post once. Returns the seconds to wait before the next attempt, or None
    when it is done (sent, failed for good, or not waiting to be sent)."""
    post = claim(post_id)
    if post is None:
        return None
    post.attempts += 1
    try:
        sent = adapters.send(post.channel, _outgoing(post))
    except adapters.SendError as error:
        post.last_error = str(error)[:2000]
        if error.retryable and post.attempts < conf.get("SOCIAL_MAX_ATTEMPTS"):
            delay = backoff(post.attempts, error.retry_after)
            post.status = PostStatus.RETRYING
            post.next_attempt_at = timezone.now() + timedelta(seconds=delay)
            post.save()
            logger.info("Social post %s: retry in %.0f s (%s)", post.pk, delay, post.last_error)
            return delay
        post.status = PostStatus.FAILED
        post.next_attempt_at = None
        post.save()
        logger.warning("Social post %s failed: %s", post.pk, post.last_error)
        return None
    post.status = PostStatus.SENT
    post.remote_id = sent.remote_id[:200]
    # The admin links to it: only a web address the platform gave, never another scheme.
    post.url = sent.url[:500] if sent.url.startswith(("https://", "http://")) else ""
    post.sent_at = timezone.now()
    post.next_attempt_at = None
    post.save()
    return None
