"""Background work of the core: image renditions made when an image is saved."""

from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model

from . import renditions


@task()
def generate_renditions_task(image_id: int) -> int:
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return renditions.generate(image)


def enqueue_renditions(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    """post_save of the image model: queue the renditions once the upload is committed
    (a worker must see the row). Saves that only record the file's size or hash skip."""
    if raw or (update_fields and set(update_fields) <= {"file_size", "file_hash"}):
        return
    transaction.on_commit(lambda: generate_renditions_task.enqueue(instance.pk))


def connect_renditions() -> None:
    post_save.connect(enqueue_renditions, sender=get_image_model(), dispatch_uid="renditions")
