"""Monthly figures for the measurement dashboard (``register_measurement_figures``):
posts sent to social channels, and posts that failed for good, in the period."""

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from .models import Post, PostStatus


def _counter(status: str, field: str):
    def compute(language_code: str | None, start: datetime, end: datetime) -> int:
        posts = Post.objects.filter(status=status, **{f"{field}__gte": start, f"{field}__lt": end})
        if language_code is not None:
            posts = posts.filter(language=language_code)
        return posts.count()

    return compute


def figures() -> list[tuple]:
    return [
        ("social_posts_sent", _("Social posts sent"), _counter(PostStatus.SENT, "sent_at")),
        (
            "social_posts_failed",
            _("Social posts failed"),
            _counter(PostStatus.FAILED, "created_at"),
        ),
    ]
