"""The desk: matched items grouped by cluster, filtered, marked when answered, and shown
only to editors and reviewers for the languages of their trees."""

import pytest
from bs4 import BeautifulSoup

from cms.clarifications.matching import match_items
from cms.clarifications.models import AnsweredClaim
from cms.core.roles import EDITORS, reviewers_group_name, translators_group_name
from tests.factories import UserFactory

from .factories import (
    ClarificationPageFactory,
    ItemFactory,
    SourceFactory,
    WatchedTermFactory,
    cluster_of,
    index_page,
)

pytestmark = pytest.mark.django_db
DESK = "/admin/clarifications/desk/"
LAO_TERM = "ອ່າວຮ່າລອງ"


@pytest.fixture
def news():
    WatchedTermFactory(language="vi", term="vịnh Hạ Long")
    WatchedTermFactory(language="lo", term=LAO_TERM)
    foreign = SourceFactory(name="Foreign Daily", url="https://daily.example.com/feed")
    first = ItemFactory(title="Vịnh Hạ Long đóng cửa suốt mùa hè")
    second = ItemFactory(title="Vịnh Hạ Long đóng cửa suốt mùa hè - báo tỉnh", source=foreign)
    alone = ItemFactory(title="Giá vé vịnh Hạ Long tăng gấp ba")
    lao = ItemFactory(language="lo", title="ນັກທ່ອງທ່ຽວມາອ່າວຮ່າລອງ")
    unrelated = ItemFactory(title="Thời tiết Hà Nội")
    cluster = cluster_of(first, second)
    match_items([item.pk for item in (first, second, alone, lao, unrelated)])
    return {
        "cluster": cluster,
        "first": first,
        "second": second,
        "alone": alone,
        "lao": lao,
        "unrelated": unrelated,
    }


def rows(response) -> dict[int, str]:
    """Item id → the cluster attribute of its group, from the desk's HTML."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        int(row["data-item"]): group["data-cluster"]
        for group in soup.select(".clarifications-desk__group")
        for row in group.select("tr[data-item]")
    }


def test_matches_are_grouped_by_cluster(client, news):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get(DESK)
    assert response.status_code == 200
    found = rows(response)
    cluster = str(news["cluster"].pk)
    assert found[news["first"].pk] == found[news["second"].pk] == cluster
    assert found[news["alone"].pk] == "" and found[news["lao"].pk] == ""
    assert news["unrelated"].pk not in found
    html = response.content.decode()
    assert "Foreign Daily · foreign" in html
    assert "2 sources" in html


def test_reviewer_sees_only_the_terms_of_their_language(client, news):
    client.force_login(UserFactory(groups=[reviewers_group_name("lo")]))
    assert set(rows(client.get(DESK))) == {news["lao"].pk}
    # Asking for another language does not widen the desk.
    assert set(rows(client.get(DESK, {"language": "vi"}))) == {news["lao"].pk}


def test_translators_have_no_desk(client, news):
    client.force_login(UserFactory(groups=[translators_group_name("lo")]))
    response = client.get(DESK)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_filters(client, news):
    client.force_login(UserFactory(groups=[EDITORS]))
    assert set(rows(client.get(DESK, {"language": "lo"}))) == {news["lao"].pk}
    vi_term = news["first"].watched_term_matches.get().term
    only_vi = set(rows(client.get(DESK, {"term": vi_term.pk})))
    assert only_vi == {news["first"].pk, news["second"].pk, news["alone"].pk}
    assert rows(client.get(DESK, {"date_to": "2001-01-01"})) == {}
    assert len(rows(client.get(DESK, {"date_from": "2001-01-01"}))) == 4


@pytest.mark.parametrize(
    "query",
    [{"language": "xx"}, {"term": "abc"}, {"date_from": "2026-13-45"}, {"date_to": "2026-02-30"}],
)
def test_unusable_filters_are_ignored_and_named(client, news, query):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get(DESK, query)
    assert response.status_code == 200
    assert len(rows(response)) == 4
    assert "Ignored (not understood)" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["term=1%002", "language=vi&language=lo", f"date_from={'9' * 40}"]
)
def test_malformed_filters_are_refused(client, news, query):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get(f"{DESK}?{query}")
    assert response.status_code == 400
    name = query.split("=")[0]
    assert f"“{name}”" in response.content.decode()  # the message names it (any language)


def test_answered_items_are_marked_and_can_be_hidden(client, news):
    page = ClarificationPageFactory(parent=index_page("vi"), title="Vịnh vẫn mở cửa")
    AnsweredClaim.objects.create(page=page, item=news["alone"])
    client.force_login(UserFactory(groups=[EDITORS]))
    html = client.get(DESK).content.decode()
    assert "Vịnh vẫn mở cửa</a> (published)" in html
    assert news["alone"].pk not in rows(client.get(DESK, {"open": "1"}))


def test_hostile_item_text_is_escaped_on_the_desk(client):
    WatchedTermFactory(language="vi", term="Hạ Long")
    item = ItemFactory(title='Hạ Long <script>alert("x")</script>')
    match_items([item.pk])
    client.force_login(UserFactory(groups=[EDITORS]))
    html = client.get(DESK).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_rematch_button(client, django_capture_on_commit_callbacks):
    term = WatchedTermFactory(language="zh-hans", term="下龙湾")
    item = ItemFactory(language="zh-hans", title="越南下龙湾游客增加")
    assert not term.matches.exists()
    client.force_login(UserFactory(groups=[EDITORS]))
    assert client.get("/admin/clarifications/desk/rematch/").status_code == 405
    response = client.post("/admin/clarifications/desk/rematch/")
    assert response.status_code == 302
    assert term.matches.filter(item=item).exists()
