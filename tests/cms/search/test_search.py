from datetime import UTC, datetime

import pytest

from cms.search.backends.base import QueryError, SearchQuery
from cms.search.documents import _fields
from cms.search.highlight import highlight
from cms.search.indexing import index_pages, rebuild
from cms.search.models import SearchDocument
from cms.search.query import parse
from cms.search.segmentation import fold, prepare, words
from cms.search.service import backend, search, suggest
from tests.factories import StoryPageFactory
from tests.helpers import section, story

pytestmark = pytest.mark.django_db


def add(object_id, language, title, body="", year=None, kind="story"):
    """Index one document directly (dated 1 June of ``year`` when given)."""
    backend().index(
        [
            {
                "kind": kind,
                "object_id": object_id,
                "fields": {
                    "language": language,
                    "title": title,
                    "body": body,
                    "url": f"/{object_id}/",
                    "date": datetime(year, 6, 1, tzinfo=UTC) if year else None,
                    **_fields(title, body),
                },
            }
        ]
    )


def titles(text, **options):
    return [hit.title for hit in search(SearchQuery(text, **options)).hits]


def test_segmentation_and_folding():
    assert words("Hà Nội, 2026!") == ["hà", "nội", "2026"]
    assert fold("đà nẵng") == "da nang" and fold("đường") == "duong"
    assert fold("ຫວຽດ") == "ຫວຽດ", "marks of Lao letters are kept"
    assert prepare("ນະຄອນຫຼວງວຽງຈັນ").needs_grams
    assert not prepare("Hà Nội").grams


def test_unaccented_query_finds_accented_text_and_exact_ranks_first():
    backend().clear()
    add(1, "vi", "Ha Noi mua thu")
    add(2, "vi", "Hà Nội mùa thu")
    assert titles("Ha Noi", language="vi") and set(titles("Ha Noi", language="vi")) == {
        "Ha Noi mua thu",
        "Hà Nội mùa thu",
    }
    assert titles("Hà Nội", language="vi")[0] == "Hà Nội mùa thu"
    assert titles("Ha Noi", language="vi")[0] == "Ha Noi mua thu"


def test_language_filter_and_all_languages():
    backend().clear()
    add(1, "vi", "Vịnh Hạ Long")
    add(2, "en", "Ha Long Bay")
    assert titles("Ha Long", language="en") == ["Ha Long Bay"]
    assert set(titles("Ha Long")) == {"Vịnh Hạ Long", "Ha Long Bay"}


def test_kind_filter_and_counts():
    backend().clear()
    add(1, "vi", "Cà phê Tây Nguyên", kind="story")
    add(2, "vi", "Cà phê xuất khẩu", kind="feed_item")
    results = search(SearchQuery("cà phê", language="vi"))
    assert results.total == 2 and results.counts == {"story": 1, "feed_item": 1}
    assert titles("cà phê", language="vi", kinds=("feed_item",)) == ["Cà phê xuất khẩu"]


def test_a_word_cut_into_characters_is_found_whole_and_not_from_its_characters_apart():
    """ICU cuts 下龙湾 into 下, 龙 and 湾; its bigrams find it, not the characters apart."""
    backend().clear()
    add(1, "zh-hans", "下龙湾的风景")
    add(2, "zh-hans", "湾里下龙，龙湾下")
    add(3, "zh-hans", "游客来到下龙湾")
    results = search(SearchQuery("下龙湾", language="zh-hans"))
    assert sorted(hit.object_id for hit in results.hits) == [1, 3] and results.total == 2


def test_phrase_first_then_all_words():
    backend().clear()
    add(1, "vi", "Hạ Long và Tuần Châu", "du lịch biển")
    results = search(SearchQuery("Hạ Long du lịch", language="vi"))
    assert results.mode == "all words" and results.total == 1
    assert search(SearchQuery("Hạ Long", language="vi")).mode == "phrase"


def test_highlighting_escapes_and_marks():
    terms = parse(SearchQuery("Hà Nội ວຽງຈັນ")).terms
    assert (
        highlight("<b>Ha Noi</b> đẹp", terms)
        == "&lt;b&gt;<mark>Ha</mark> <mark>Noi</mark>&lt;/b&gt; đẹp"
    )
    assert "<mark>ວຽງຈັນ</mark>" in highlight("ນະຄອນຫຼວງວຽງຈັນ", terms)
    long = "x " * 300 + "Hà Nội" + " y" * 300
    snippet = highlight(long, terms, snippet=True)
    assert snippet.startswith("…") and "<mark>Hà</mark>" in snippet and len(snippet) < 400


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '""',
        "a*",
        "NEAR(a b)",
        "title:x",
        "^x",
        "x OR",
        "(((",
        "'; DROP TABLE x; --",
        "\x00\x01\x1f x",
        "x" * 10000,
        "\\",
        "{title_exact}: x",
        '"unterminated',
        "a AND OR NOT b",
        "-x",
        "🙂",
        "%_",
    ],
)
def test_hostile_queries_answer_or_explain(hostile, client):
    try:
        search(SearchQuery(hostile, language="vi"))
    except QueryError as error:
        assert str(error)
    response = client.get("/vi/search/", {"q": hostile})
    assert response.status_code == 200
    assert client.get("/vi/search/json/", {"q": hostile}).status_code in (200, 400)


def test_empty_and_letterless_queries_explain():
    with pytest.raises(QueryError):
        search(SearchQuery("   "))
    with pytest.raises(QueryError):
        search(SearchQuery("!!! ...", language="vi"))


def test_unpublished_pages_never_appear(client):
    page = StoryPageFactory(parent=section("culture"), title="Bài chưa đăng về múa rối", live=False)
    index_pages([page.pk])
    assert "Bài chưa đăng về múa rối" not in titles("múa rối", language="vi")
    page.save_revision().publish()
    assert "Bài chưa đăng về múa rối" in titles("múa rối", language="vi")
    page.refresh_from_db()
    page.unpublish()
    assert "Bài chưa đăng về múa rối" not in titles("múa rối", language="vi")
    published = story("water-puppetry")
    published.delete()
    assert not SearchDocument.objects.filter(object_id=published.pk).exists()


def test_demo_pages_are_indexed_on_publish_and_found_through_the_view(client):
    response = client.get("/lo/search/", {"q": "ຫວຽດນາມ"})
    assert response.status_code == 200
    assert "ອ່າວຮ່າລອງ" in response.content.decode()
    data = client.get("/en/search/json/", {"q": "Ha Long"}).json()
    urls = [result["url"] for result in data["results"]]
    assert data["total"] >= 1 and "/en/tourism/ha-long-bay/" in urls  # a clarification too
    assert (
        "<mark>" in data["results"][0]["snippet"]
        or "<mark>" in client.get("/en/search/", {"q": "Ha Long"}).content.decode()
    )


def test_view_filters_and_pagination(client):
    content = client.get(
        "/vi/search/", {"q": "Việt Nam", "type": "story", "section": "economy"}
    ).content.decode()
    assert "vươn ra thế giới" in content
    assert (
        client.get(
            "/vi/search/", {"q": "Việt Nam", "date_from": "not-a-date", "page": "-4"}
        ).status_code
        == 200
    )


def test_suggest():
    assert "Ha Long Bay: limestone islands in the Gulf of Tonkin" in suggest("Ha Lo", "en")
    assert suggest("", "en") == []


def test_rebuild_reports_progress():
    seen = []
    total = rebuild(lambda done, all_: seen.append((done, all_)))
    assert total == SearchDocument.objects.count() > 12
    assert seen[-1] == (total, total)
