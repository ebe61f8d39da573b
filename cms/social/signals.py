"""A story's share image is drawn in the background when it is published."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published

from cms.stories.models import StoryPage

from . import conf
from .models import ShareImage


@receiver(page_published)
def draw_share_image(sender, instance, **kwargs):
    from .tasks import render_share_image_task

    if conf.get("SOCIAL_SHARE_ON_PUBLISH") and isinstance(instance.specific, StoryPage):
        render_share_image_task.enqueue(instance.pk)


@receiver(post_delete, sender=ShareImage)
def delete_share_file(sender, instance, **kwargs):
    """A deleted page's share image leaves no file behind (once the deletion holds)."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
