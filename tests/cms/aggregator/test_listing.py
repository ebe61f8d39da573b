from datetime import timedelta

import pytest
from django.utils import timezone

from cms.aggregator.dedupe import sha1
from cms.aggregator.models import Cluster, Item, ItemTranslation, Source
from cms.aggregator.models.listing import FeedFilters, decode_cursor, feed_page
from cms.taxonomy.models import Province, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_demo_news():
    """These tests read the whole listing: start without the demo's items."""
    Item.objects.all().delete()


def make_items(count: int, source=None, province=None, start=None):
    source = source or Source.objects.create(
        name="S", url=f"https://s{Source.objects.count()}.example/rss"
    )
    start = start or timezone.now()
    items = []
    for n in range(count):
        when = start - timedelta(minutes=n)
        items.append(
            Item(
                source=source,
                guid=f"{source.pk}-{n}",
                guid_hash=sha1(f"{source.pk}-{n}"),
                content_hash=sha1(f"c{source.pk}-{n}"),
                title=f"Tin {n}",
                language="vi",
                province=province,
                ingested_at=when,
                sort_at=when,
            )
        )
    return Item.objects.bulk_create(items)


def test_keyset_pages_cover_everything_once():
    make_items(45)
    seen, cursor = [], None
    while True:
        page = feed_page(FeedFilters(), "en", cursor, size=20)
        seen += [row["item"].pk for row in page.rows]
        cursor = page.next_cursor
        if not cursor:
            break
    assert len(seen) == 45 == len(set(seen))


def test_same_timestamp_items_are_not_skipped():
    now = timezone.now()
    source = Source.objects.create(name="S", url="https://same.example/rss")
    Item.objects.bulk_create(
        [
            Item(
                source=source,
                guid=str(n),
                guid_hash=sha1(str(n)),
                content_hash=sha1(str(n)),
                title=str(n),
                language="vi",
                ingested_at=now,
                sort_at=now,
            )
            for n in range(5)
        ]
    )
    first = feed_page(FeedFilters(), "en", size=2)
    second = feed_page(FeedFilters(), "en", first.next_cursor, size=2)
    third = feed_page(FeedFilters(), "en", second.next_cursor, size=2)
    ids = [r["item"].pk for p in (first, second, third) for r in p.rows]
    assert len(set(ids)) == 5


def test_filters():
    hanoi, hue = Province.objects.get(code="hanoi"), Province.objects.get(code="hue")
    make_items(3, province=hanoi)
    old = make_items(2, province=hue, start=timezone.now() - timedelta(days=40))
    topic = Topic.objects.get(slug="heritage")
    old[0].topics.add(topic)
    assert len(feed_page(FeedFilters(province="hanoi"), "en").rows) == 3
    assert len(feed_page(FeedFilters(topic="heritage"), "en").rows) == 1
    since = (timezone.now() - timedelta(days=10)).date().isoformat()
    assert len(feed_page(FeedFilters(date_from=since), "en").rows) == 3
    assert len(feed_page(FeedFilters(date_to=since), "en").rows) == 2


def test_cluster_shows_once_with_the_other_sources():
    a, b = make_items(1), make_items(1)
    cluster = Cluster.objects.create(headline=a[0], size=2)
    Item.objects.filter(pk__in=[a[0].pk, b[0].pk]).update(cluster=cluster)
    rows = feed_page(FeedFilters(), "en").rows
    assert len(rows) == 1
    assert [other.pk for other in rows[0]["also"]] == [b[0].pk] or [
        other.pk for other in rows[0]["also"]
    ] == [a[0].pk]


def test_translation_for_the_page_language():
    [item] = make_items(1)
    ItemTranslation.objects.create(item=item, language="en", title="News 0", engine="m")
    assert feed_page(FeedFilters(), "en").rows[0]["translation"].title == "News 0"
    assert feed_page(FeedFilters(), "lo").rows[0]["translation"] is None


@pytest.mark.parametrize("cursor", ["", "garbage", "!!!", "MjAyNi0wMS0wMXx4"])
def test_bad_cursors_start_from_the_top(cursor):
    assert decode_cursor(cursor) is None


def test_hostile_filter_values_are_harmless(client):
    response = client.get(
        "/en/news/",
        {
            "province": "'; DROP TABLE x; --",
            "topic": "<script>",
            "from": "2026-99-99",
            "after": "%%%",
        },
    )
    assert response.status_code == 200


def test_public_feed_page_labels_machine_translation(client):
    [item] = make_items(1)
    ItemTranslation.objects.create(item=item, language="en", title="News zero", engine="m")
    content = client.get("/en/news/").content.decode()
    assert "News zero" in content and "Machine translated" in content
    assert 'lang="vi"' in content
    assert client.get("/lo/news/").status_code == 200
