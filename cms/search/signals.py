"""Index upkeep: publish, unpublish, delete, and feed ingestion queue background jobs."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from cms.aggregator.signals import items_ingested


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    from .documents import searchable_page_models
    from .tasks import index_pages_task

    if isinstance(instance.specific, searchable_page_models()):
        index_pages_task.enqueue([instance.pk])


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    """Sent once per page, for its Page row (the specific row sends its own)."""
    from .documents import page_kinds
    from .tasks import remove_task

    remove_task.enqueue([[kind, instance.pk] for kind in page_kinds()])


@receiver(items_ingested)
def items_added(sender, item_ids, **kwargs):
    from .tasks import index_items_task

    index_items_task.enqueue(item_ids)


@receiver(post_delete, sender="aggregator.Item")
def item_deleted(sender, instance, **kwargs):
    from .tasks import remove_task

    remove_task.enqueue([["feed_item", instance.pk]])
