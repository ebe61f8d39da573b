"""A story's share image is drawn in the background when it is published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from cms.stories.models import StoryPage

from . import conf


@receiver(page_published)
def draw_share_image(sender, instance, **kwargs):
    from .tasks import render_share_image_task

    if conf.get("SOCIAL_SHARE_ON_PUBLISH") and isinstance(instance.specific, StoryPage):
        render_share_image_task.enqueue(instance.pk)
