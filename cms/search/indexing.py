"""Adding and removing documents. Only live, public pages are ever indexed."""

from collections.abc import Callable

from wagtail.models import Page

from .documents import item_document, page_document, page_kinds, searchable_page_models
from .service import backend

BATCH = 200


def _searchable(page) -> bool:
    return (
        page.live
        and not page.get_view_restrictions().exists()
        and isinstance(page.specific, searchable_page_models())
    )


def index_pages(page_ids: list[int]) -> int:
    pages = Page.objects.filter(pk__in=page_ids).specific()
    documents = [page_document(page) for page in pages if _searchable(page)]
    indexed = {document["object_id"] for document in documents}
    # Unpublished, restricted or deleted: whatever is not indexed now must not be found.
    gone = [(kind, pk) for pk in set(page_ids) - indexed for kind in page_kinds()]
    if documents:
        backend().index(documents)
    if gone:
        backend().delete(gone)
    return len(documents)


def index_items(item_ids: list[int]) -> int:
    from cms.aggregator.models import Item

    documents = [
        item_document(item)
        for item in Item.objects.filter(pk__in=item_ids).select_related("province")
    ]
    backend().index(documents)
    return len(documents)


def remove(keys: list[tuple[str, int]]) -> int:
    backend().delete(keys)
    return len(keys)


def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """Index every live page and every item again, in batches."""
    from cms.aggregator.models import Item

    backend().clear()
    page_ids = []
    for model in searchable_page_models():
        page_ids += list(model.objects.live().public().values_list("pk", flat=True))
    item_ids = list(Item.objects.values_list("pk", flat=True))
    total, done = len(page_ids) + len(item_ids), 0
    for start in range(0, len(page_ids), BATCH):
        done += len(page_ids[start : start + BATCH])
        index_pages(page_ids[start : start + BATCH])
        if progress:
            progress(done, total)
    for start in range(0, len(item_ids), BATCH):
        done += len(item_ids[start : start + BATCH])
        index_items(item_ids[start : start + BATCH])
        if progress:
            progress(done, total)
    return total
