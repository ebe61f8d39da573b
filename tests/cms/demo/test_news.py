"""After load_demo (tests/conftest.py ran it) the news page has items and search finds them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.aggregator.models import Item, Source
from cms.demo.news import snapshot
from cms.search.backends.base import SearchQuery
from cms.search.models import SearchDocument
from cms.search.service import search

pytestmark = pytest.mark.django_db

RECORDED_ITEMS = 37
ENGLISH_TITLE = "Buckwheat flowers bloom late on Dong Van karst plateau"


def demo_items():
    urls = [spec["url"] for spec in snapshot()["sources"]]
    return Item.objects.filter(source__url__in=urls)


def test_every_recorded_item_is_stored_once_from_inactive_demo_sources():
    assert demo_items().count() == RECORDED_ITEMS
    sources = Source.objects.filter(url__in=[spec["url"] for spec in snapshot()["sources"]])
    assert sources.count() == 5 and not sources.filter(active=True).exists()
    danang = sources.get(province__code="da-nang")
    assert danang.items.filter(title="Phố cổ Hội An thả đèn hoa đăng đêm rằm trên sông Hoài")
    assert set(demo_items().values_list("language", flat=True)) == {"vi", "en"}


def test_items_are_dated_as_if_just_fetched():
    newest = demo_items().first()
    assert newest.title == "Mùa hoa tam giác mạch nở muộn trên cao nguyên đá Đồng Văn"
    assert newest.ingested_at - newest.published_at == timedelta(hours=1, minutes=45)
    assert timezone.now() - newest.sort_at < timedelta(days=1)
    oldest = demo_items().last()
    assert newest.sort_at - oldest.sort_at == timedelta(hours=22, minutes=15, days=5)


def test_a_portal_and_a_paper_reporting_one_story_are_one_row():
    portal = Item.objects.get(title__startswith="Mở rộng không gian đi bộ khu phố cổ")
    paper = Item.objects.get(title="Phố cổ Hà Nội mở thêm tuyến phố đi bộ cuối tuần")
    assert portal.cluster_id and portal.cluster_id == paper.cluster_id


@pytest.mark.parametrize("language", ["vi", "en"])
def test_news_page_lists_the_demo_items(client, language):
    content = client.get(f"/{language}/news/").content.decode()
    assert "Mùa hoa tam giác mạch nở muộn trên cao nguyên đá Đồng Văn" in content
    assert ENGLISH_TITLE in content
    assert "No news matches these filters yet." not in content
    assert content.count('class="feed__item"') >= 15


def test_search_finds_a_demo_story_and_a_demo_item_at_once(client):
    documents = SearchDocument.objects.filter(kind="feed_item")
    assert documents.filter(title="Bảo tàng Điêu khắc Chăm mở cửa buổi tối vào cuối tuần")
    results = search(SearchQuery("điêu khắc Chăm", language="vi"))
    assert "Bảo tàng Điêu khắc Chăm mở cửa buổi tối vào cuối tuần" in [
        h.title for h in results.hits
    ]
    assert SearchDocument.objects.filter(kind="story", language="en").exists()
    found = client.get("/en/search/json/", {"q": "buckwheat"}).json()["results"]
    assert {"kind": "feed_item", "title": ENGLISH_TITLE} in [
        {"kind": r["kind"], "title": r["title"]} for r in found
    ]
    page = client.get("/en/search/", {"q": "buckwheat"}).content.decode()
    assert "karst plateau" in page


def test_loading_the_demo_again_adds_no_item_and_rebuilds_the_index():
    items, sources = Item.objects.count(), Source.objects.count()
    first_dates = dict(demo_items().values_list("pk", "sort_at"))
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert (Item.objects.count(), Source.objects.count()) == (items, sources)
    assert dict(demo_items().values_list("pk", "sort_at")) == first_dates
    output = out.getvalue()
    assert f"5 recorded feeds: 0 new, {RECORDED_ITEMS} already there" in output
    assert "  search index: " in output and "documents indexed in" in output
    assert SearchDocument.objects.filter(kind="feed_item").count() == Item.objects.count()
