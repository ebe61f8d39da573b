"""What editors do: propose a post's text, queue posts, send a failed one again."""

from wagtail.models import Page

from .models import Channel, Post, PostStatus
from .tasks import send_post_task


def default_text(page: Page) -> str:
    """Headline, summary and link: what an editor starts from."""
    page = page.specific
    summary = page.search_description or getattr(page, "standfirst", "")
    parts = [page.title, " ".join(summary.split()), page.full_url or ""]
    return "\n\n".join(part for part in parts if part)


def queue(page: Page, channels: list[Channel], text: str, with_image: bool, user) -> list[Post]:
    posts = [
        Post.objects.create(
            channel=channel,
            page=page,
            language=channel.language,
            text=text,
            with_image=with_image,
            queued_by=user,
        )
        for channel in channels
    ]
    for post in posts:
        send_post_task.enqueue(post.pk)
    return posts


def retry(post: Post) -> None:
    """Queue a failed post again, with a fresh count of attempts."""
    Post.objects.filter(pk=post.pk).update(
        status=PostStatus.QUEUED, attempts=0, next_attempt_at=None
    )
    send_post_task.enqueue(post.pk)
