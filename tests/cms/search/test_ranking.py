"""Counting and ranking at scale: every match is counted; only the newest ``RANKED`` are
ordered by relevance, and the older ones follow, newest first, on the later pages."""

import pytest
from django.db import connection

from cms.search.backends import database
from cms.search.backends.base import SearchQuery
from cms.search.service import backend, search
from tests.cms.search.test_search import add

pytestmark = pytest.mark.django_db

# (title, body, year): "sen" in the title is worth more than in the body.
LOTUS = {
    1: ("Hoa sen", "", 2020),
    2: ("Tin tức", "hoa sen nở sớm", 2021),
    3: ("Tin tức", "mùa sen", 2022),
    4: ("Hoa sen Đồng Tháp", "", 2023),
    5: ("Bản tin", "sen", 2024),
    6: ("Bản tin", "sen", 2025),
    7: ("Sen", "", None),
}


def ids(text, offset=0, limit=10, **options):
    results = search(SearchQuery(text, offset=offset, limit=limit, **options))
    return [hit.object_id for hit in results.hits], results


@pytest.fixture
def lotus():
    backend().clear()
    for object_id, (title, body, year) in LOTUS.items():
        add(object_id, "vi", title, body, year)
    add(8, "vi", "Cà phê", "không có hoa", 2025)
    add(9, "en", "Sen", "", 2025)


def test_few_matches_are_all_ranked_by_relevance(lotus):
    found, results = ids("sen", language="vi")
    assert results.total == 7 and results.counts == {"story": 7}
    titled, in_body = set(found[:3]), set(found[3:])
    assert titled == {1, 4, 7} and in_body == {2, 3, 5, 6}
    assert found[3:5] == [6, 5], "equal scores: the newer first"


def test_past_the_ranked_matches_the_rest_follow_newest_first_and_all_are_counted(
    lotus, monkeypatch
):
    monkeypatch.setattr(database, "RANKED", 3)
    found, results = ids("sen", language="vi")
    # The three newest (2025, 2024, 2023) by relevance, then the others by date, undated last.
    assert found == [4, 6, 5, 3, 2, 1, 7]
    assert results.total == 7 and results.counts == {"story": 7}
    pages = [ids("sen", offset=offset, limit=2, language="vi") for offset in (0, 2, 4, 6, 8)]
    assert [page for page, _ in pages] == [[4, 6], [5, 3], [2, 1], [7], []]
    assert {results.total for _, results in pages} == {7}


def test_filters_apply_before_the_newest_are_chosen(lotus, monkeypatch):
    monkeypatch.setattr(database, "RANKED", 1)
    add(10, "vi", "Sen trắng", "", 2026, kind="feed_item")
    found, results = ids("sen", language="vi", kinds=("story",))
    assert found[0] == 6 and 10 not in found
    assert results.counts == {"story": 7}
    found, results = ids("sen", language="vi")
    assert found[0] == 10 and results.counts == {"story": 7, "feed_item": 1}


def test_a_word_matched_only_by_its_graphemes_is_counted_and_near_misses_are_not():
    """PostgreSQL takes the single word from the index and checks the bigram phrase only
    where the word is missing: "ベト ナム" has it, "ベト トナ ナム" has the bigrams apart."""
    backend().clear()
    add(1, "ja", "ベトナム")
    add(2, "ja", "ベト ナム")
    add(3, "ja", "ベト トナ ナム")
    add(4, "ja", "ハノイ")
    found, results = ids("ベトナム", language="ja")
    assert sorted(found) == [1, 2] and results.total == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_searching_inside_a_transaction_leaves_the_planner_settings_alone(lotus):
    """The test runs in a transaction, as a request may: SET LOCAL would outlive the search."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
        assert ids("sen", language="vi")[1].total == 7
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
