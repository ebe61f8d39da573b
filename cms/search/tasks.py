"""Keeping the index up to date from the background worker."""

from django_tasks import task

from .indexing import index_items, index_pages, remove


@task()
def index_pages_task(page_ids: list[int]) -> int:
    return index_pages(page_ids)


@task()
def index_items_task(item_ids: list[int]) -> int:
    return index_items(item_ids)


@task()
def remove_task(keys: list[list]) -> int:
    return remove([(kind, object_id) for kind, object_id in keys])
