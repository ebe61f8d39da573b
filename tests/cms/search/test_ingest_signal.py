"""Fetched items reach the index through the aggregator's ``items_ingested`` signal."""

import pytest

from cms.aggregator.models import Source
from cms.aggregator.signals import items_ingested
from cms.aggregator.tasks import fetch_sources_task
from cms.search.models import SearchDocument
from tests.cms.aggregator.conftest import rss, server  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_fetch_indexes_its_new_items(server):  # noqa: F811
    source = Source.objects.create(
        name="QN",
        url=server.add("/rss", body=rss([("a", "Vịnh Hạ Long đón khách", "Lượng khách tăng.")])),
        active=True,
    )
    announced = []

    def listen(sender, item_ids, **kwargs):
        announced.append(item_ids)

    items_ingested.connect(listen)
    try:
        fetch_sources_task.call([source.pk])
    finally:
        items_ingested.disconnect(listen)
    item = source.items.get()
    assert announced == [[item.pk]]
    document = SearchDocument.objects.get(kind="feed_item", object_id=item.pk)
    assert document.title == "Vịnh Hạ Long đón khách"
