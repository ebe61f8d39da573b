"""Matching runs when the aggregator stores new items, and again when a term changes."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from cms.aggregator.signals import items_ingested

from .models import TermMatch, WatchedTerm


@receiver(items_ingested)
def items_added(sender, item_ids, **kwargs):
    from .tasks import match_items_task

    match_items_task.enqueue(list(item_ids))


@receiver(post_save, sender=WatchedTerm)
def term_saved(sender, instance, **kwargs):
    """A changed term is matched anew against the stored items once the edit commits; a
    deactivated one loses its matches (the desk lists active terms only)."""
    from .tasks import rematch_task

    if not instance.active:
        TermMatch.objects.filter(term=instance).delete()
        return
    term_id = instance.pk
    transaction.on_commit(lambda: rematch_task.enqueue([term_id]))
