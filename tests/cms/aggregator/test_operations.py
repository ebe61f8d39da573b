from datetime import timedelta

import pytest
from django.utils import timezone

from cms.aggregator.models import Cluster, Item, Source
from cms.aggregator.operations import backoff, claim, due_source_ids, fetch_many, fetch_source
from cms.taxonomy.models import Province, Topic

from .conftest import rss

pytestmark = pytest.mark.django_db

AGENCY = (
    "Thủ tướng chủ trì hội nghị trực tuyến toàn quốc về phát triển kinh tế số năm 2026",
    "Sáng 16/5, Thủ tướng Chính phủ chủ trì hội nghị trực tuyến với 34 tỉnh, thành phố về "
    "chuyển đổi số và phát triển kinh tế số.",
)


DISTINCT = [
    ("local-0", "Lễ hội hoa ban khai mạc tại Điện Biên", "Hàng nghìn du khách dự lễ khai mạc."),
    ("local-1", "Cà Mau thả giống tôm sú vụ mới", "Nông dân ven biển bắt đầu mùa nuôi."),
    ("local-2", "Thư viện tỉnh mở cửa phục vụ buổi tối", "Bạn đọc có thể mượn sách đến 21 giờ."),
]


def source(url, **fields) -> Source:
    fields.setdefault("name", url)
    fields.setdefault("active", True)
    return Source.objects.create(url=url, **fields)


def test_fetch_stores_items_and_state(server, golden):
    src = source(
        server.add("/rss", body=golden("rss2_portal.xml"), etag='"1"'),
        province=Province.objects.get(code="quang-ninh"),
    )
    src.topics.set([Topic.objects.get(slug="heritage")])
    outcome = fetch_source(src.pk)
    assert (outcome.status, outcome.new) == ("new", 4)
    src.refresh_from_db()
    assert src.etag == '"1"'
    assert src.last_success_at and not src.last_error
    assert src.next_fetch_at > timezone.now() + timedelta(minutes=29)
    item = Item.objects.get(source=src, guid="qn-1001")
    assert item.language == "vi"
    assert item.province.code == "quang-ninh"
    assert list(item.topics.values_list("slug", flat=True)) == ["heritage"]
    # Relative links resolve against the feed's own URL, tracking parameters dropped.
    assert item.link == server.url("/tin-tuc/hoi-nghi-du-lich-2026.html")
    undated = Item.objects.get(source=src, title="Thông báo lịch tiếp công dân")
    assert undated.published_at is None and undated.sort_at == undated.ingested_at


def test_second_fetch_of_unchanged_feed_adds_nothing(server, golden):
    src = source(server.add("/rss", body=golden("rss2_portal.xml"), etag='"1"'))
    fetch_source(src.pk)
    outcome = fetch_source(src.pk)
    assert outcome.status == "unchanged"
    assert server.routes["/rss"].request_headers[1]["If-None-Match"] == '"1"'
    assert Item.objects.filter(source=src).count() == 4


def test_refetch_without_validators_adds_nothing(server, golden):
    src = source(server.add("/rss", body=golden("rss2_portal.xml")))
    fetch_source(src.pk)
    outcome = fetch_source(src.pk)
    assert (outcome.status, outcome.new, outcome.duplicates) == ("new", 0, 4)
    assert Item.objects.filter(source=src).count() == 4


def test_same_story_with_a_new_guid_and_tracking_link_is_a_duplicate(server):
    url = server.add("/rss", body=rss([("a1", "Tin một", "Nội dung một.")]))
    src = source(url)
    fetch_source(src.pk)
    server.routes["/rss"].body = rss([("a1-new", "Tin một", "Nội dung một.")])
    assert fetch_source(src.pk).new == 0


def test_429_honours_retry_after(server):
    src = source(server.add("/rss", status=429, headers={"Retry-After": "7200"}))
    outcome = fetch_source(src.pk)
    assert outcome.status == "error"
    src.refresh_from_db()
    assert src.last_status == 429
    wait = src.next_fetch_at - timezone.now()
    assert timedelta(minutes=119) < wait <= timedelta(minutes=120)


def test_500_backs_off_exponentially_and_never_stops(server):
    src = source(server.add("/rss", status=500))
    waits = []
    for _ in range(4):
        Source.objects.filter(pk=src.pk).update(next_fetch_at=None)
        fetch_source(src.pk)
        src.refresh_from_db()
        waits.append(round((src.next_fetch_at - src.last_error_at).total_seconds() / 60))
    assert waits == [5, 10, 20, 40]
    assert "HTTP 500" in src.last_error
    assert src.consecutive_failures == 4
    assert src.active
    assert backoff(30) == timedelta(days=1)


def test_recovery_resets_the_failures(server, golden):
    src = source(server.add("/rss", status=500))
    fetch_source(src.pk)
    server.routes["/rss"].status = 200
    server.routes["/rss"].body = golden("rss1.xml")
    Source.objects.filter(pk=src.pk).update(next_fetch_at=None)
    fetch_source(src.pk)
    src.refresh_from_db()
    assert src.consecutive_failures == 0
    assert src.last_error  # the last error stays visible in the health columns


def test_html_page_where_a_feed_was_expected_is_reported(server, golden):
    src = source(
        server.add("/rss", body=golden("not_a_feed.html"), headers={"Content-Type": "text/html"})
    )
    fetch_source(src.pk)
    src.refresh_from_db()
    assert "HTML page, not a feed" in src.last_error


def test_same_story_in_three_sources_is_one_cluster(server):
    suffixes = ["", " - Cổng TTĐT tỉnh", " (Báo địa phương)"]
    sources = []
    for n, suffix in enumerate(suffixes):
        distinct = DISTINCT[n]
        body = rss([(f"agency-{n}", AGENCY[0] + suffix, AGENCY[1]), distinct])
        sources.append(source(server.add(f"/p{n}", body=body)))
    fetch_many([s.pk for s in sources])
    ours = Item.objects.filter(source__in=sources)
    assert ours.count() == 6
    [cluster] = Cluster.objects.filter(items__in=ours).distinct()
    assert cluster.size == 3
    members = Item.objects.filter(cluster=cluster)
    assert {item.source_id for item in members} == {s.pk for s in sources}
    assert members.filter(is_headline=True).count() == 1
    assert ours.filter(cluster__isnull=True).count() == 3


def test_diacritics_keep_different_stories_apart(server):
    """Folding diacritics would make these headlines identical; they are different news."""
    from cms.aggregator.dedupe import shingles

    first = ("1", "Hội nghị về mùa lúa", "Các đại biểu thảo luận kế hoạch vụ mùa.")
    second = ("2", "Hồi nghỉ về mùa lúa", "Người dân nghỉ ngơi sau mùa gặt.")
    assert shingles(first[1], "") != shingles(second[1], "")
    a = source(server.add("/a", body=rss([first])))
    b = source(server.add("/b", body=rss([second])))
    fetch_many([a.pk, b.pk])
    ours = Item.objects.filter(source__in=[a, b])
    assert ours.count() == 2
    assert not ours.filter(cluster__isnull=False).exists()


def test_language_is_detected_per_item(server):
    body = rss(
        [
            ("lo1", "ແຂວງຫົວພັນ ຕ້ອນຮັບຄະນະຜູ້ແທນ", "ຄະນະຜູ້ແທນຈາກຫວຽດນາມ"),
            ("en1", "Delegation visits the border gate", "Officials met on Monday."),
        ]
    )
    src = source(server.add("/mixed", body=body), language="vi")
    fetch_source(src.pk)
    assert dict(Item.objects.filter(source=src).values_list("guid", "language")) == {
        "lo1": "lo",
        "en1": "en",
    }


def test_a_live_claim_is_respected_and_a_dead_one_taken_over(server):
    src = source(server.add("/rss", body=rss([("x", "Tin", "Nội dung")])))
    Source.objects.filter(pk=src.pk).update(
        fetch_started_at=timezone.now(), claimed_by="elsewhere:1"
    )
    assert claim(src.pk) is None
    import socket

    Source.objects.filter(pk=src.pk).update(claimed_by=f"{socket.gethostname()}:999999")
    assert claim(src.pk) is not None


def test_due_sources():
    due = source("https://a.example/rss")
    later = source("https://b.example/rss", next_fetch_at=timezone.now() + timedelta(hours=1))
    inactive = source("https://c.example/rss", active=False)
    ids = due_source_ids()
    assert due.pk in ids and later.pk not in ids and inactive.pk not in ids
