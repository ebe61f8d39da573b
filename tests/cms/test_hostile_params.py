"""Hostile query strings on every public endpoint: a 400 with a short message, or the
parameter ignored and the normal answer given; never a 500 (SQLite and PostgreSQL)."""

import base64
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from cms.aggregator.dedupe import sha1
from cms.aggregator.models import Item, Source
from cms.taxonomy.models import Province

pytestmark = pytest.mark.django_db

NOTICE = "Some filters were not understood and were ignored."
RECENT, OLD = "Tin Hà Nội hôm qua", "Tin Huế năm 2021"
HA_LONG = "/en/tourism/ha-long-bay/"
HOI_AN = "Hoi An, an old trading port on the Thu Bon River"
LONG = "x" * 5_000


def cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


@dataclass
class Case:
    query: str
    status: int = 200
    shows: tuple[str, ...] = ()
    hides: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.query[:40] or "(none)"


def ok(query: str, *shows: str, hides: tuple[str, ...] = ()) -> Case:
    return Case(query, 200, shows, hides)


def bad(query: str, name: str) -> Case:
    """A 400 whose message names the parameter ``name``."""
    return Case(query, 400, (f"Bad parameter “{name}”",))


NEWS = [
    ok("", RECENT, OLD, hides=(NOTICE,)),
    ok("from=0001-01-01", RECENT, OLD, NOTICE),
    ok("from=9999-12-31", RECENT, OLD, NOTICE),
    ok("to=0001-01-01", RECENT, OLD, NOTICE),
    ok("to=1899-12-31", RECENT, OLD, NOTICE),
    ok("from=2026-99-99", RECENT, OLD, NOTICE),
    ok("from=yesterday&to=", RECENT, OLD, NOTICE),
    ok("from=2022-01-01", RECENT, hides=(OLD, NOTICE)),
    ok("to=2022-01-01", OLD, hides=(RECENT, NOTICE)),
    ok("province=hanoi", RECENT, hides=(OLD, NOTICE)),
    ok("province=atlantis", RECENT, OLD, NOTICE),
    ok("province=%27%3B+DROP+TABLE+x%3B+--", RECENT, OLD, NOTICE),
    ok("topic=no-such-topic", RECENT, OLD, NOTICE),
    ok("after=garbage", RECENT, OLD),
    ok(f"after={cursor('0001-01-01T00:00:00+14:00|1')}", RECENT, OLD),
    ok(f"after={cursor('9999-12-31T23:59:59-12:00|5')}", RECENT, OLD),
    ok(f"after={cursor('2026-01-01T00:00:00+00:00|' + '9' * 30)}", RECENT, OLD),
    ok(f"after={cursor('2026-01-01T00:00:00|5')}", RECENT, OLD),
    ok(f"page=-1&q={LONG}&utm=%00%FF", RECENT, OLD),
    bad("province=ha%00noi", "province"),
    bad("topic=%00", "topic"),
    bad("topic=heri%1Btage", "topic"),
    bad("from=2026%0A-01-01", "from"),
    bad("to=%C2%85", "to"),
    bad("from=%FF%FE", "from"),
    bad("province=%C3%28", "province"),
    bad("province=hanoi&province=hue", "province"),
    bad("from=2026-01-01&from=2026-01-02", "from"),
    bad(f"province={LONG}", "province"),
    bad(f"from={LONG}", "from"),
    bad("after=%00", "after"),
]

SECTION = [
    ok("", HOI_AN),
    ok("page=1", HOI_AN),
    ok("page=-1", HOI_AN),
    ok("page=0", HOI_AN),
    ok("page=abc", HOI_AN),
    ok("page=99999999999999999999", HOI_AN),
    ok("page=1e999", HOI_AN),
    ok("q=%00&other=%FF", HOI_AN),
    bad("page=%00", "page"),
    bad("page=1%00", "page"),
    bad("page=%FF", "page"),
    bad("page=1&page=2", "page"),
    bad(f"page={'9' * 5_000}", "page"),
]

# Pages that read no parameter answer as usual whatever the query string holds.
IGNORING = ["/en/", "/en/provinces/", "/en/provinces/hanoi/", "/en/culture/hoi-an-ancient-town/"]

SEARCH = [
    ok("q=Ha+Long", HA_LONG, hides=(NOTICE,)),
    ok("q=Ha+Long&date_from=0001-01-01", HA_LONG, NOTICE),
    ok("q=Ha+Long&date_to=9999-12-31", HA_LONG, NOTICE),
    ok("q=Ha+Long&date_from=garbage", HA_LONG, NOTICE),
    ok("q=Ha+Long&page=-1", HA_LONG, NOTICE),
    ok("q=Ha+Long&page=0", HA_LONG, NOTICE),
    ok("q=Ha+Long&page=99999999999999999999", HA_LONG, NOTICE),
    ok("q=Ha+Long&province=atlantis", HA_LONG, NOTICE),
    ok("q=Ha+Long&type=bogus", HA_LONG, NOTICE),
    ok("q=Ha+Long&type=story&type=gallery", HA_LONG, hides=(NOTICE,)),
    ok("q=Ha+Long&province=hanoi", hides=(HA_LONG,)),
    ok("q=Ha%00Long", HA_LONG),
    ok("q=Ha%1B%7FLong%FF", HA_LONG),
    ok(f"q=Ha+Long+{'a+' * 2_500}"),
    ok("q=%00%00"),
    ok("q=Ha+Long&language=%00&kind=%FF"),
    bad("q=Ha&q=Long", "q"),
    bad(f"q={'a' * 10_001}", "q"),
    bad("q=Ha+Long&province=%00", "province"),
    bad("q=Ha+Long&section=%FF", "section"),
    bad("q=Ha+Long&section=economy&section=culture", "section"),
    bad("q=Ha+Long&date_from=%00", "date_from"),
    bad("q=Ha+Long&page=1&page=2", "page"),
    bad("q=Ha+Long&page=%00", "page"),
    bad("q=Ha+Long&all_languages=%00", "all_languages"),
    bad("q=Ha+Long&type=story%00", "type"),
    bad(f"q=Ha+Long&type={LONG}", "type"),
]

SUGGEST = [
    ok("q=Ha+Lo", "Ha Long Bay"),
    ok("q=Ha%00Lo", "Ha Long Bay"),
    ok("q=%FF%00"),
    ok(f"q={LONG}"),
    ok("q=Ha+Lo&page=-1&language=%00"),
    bad("q=Ha&q=Lo", "q"),
    bad(f"q={'a' * 10_001}", "q"),
    bad("q=Ha+Lo&all_languages=%00", "all_languages"),
    bad("q=Ha+Lo&all_languages=1&all_languages=0", "all_languages"),
]


@pytest.fixture
def news():
    Item.objects.all().delete()  # the page shows its newest 20: only these two, not the demo's
    source = Source.objects.create(name="Cổng tin", url="https://hostile.example/rss")
    now = timezone.now()
    for title, code, when in (
        (RECENT, "hanoi", now - timedelta(days=1)),
        (OLD, "hue", now.replace(year=2021, month=3, day=1)),
    ):
        Item.objects.create(
            source=source,
            guid=title,
            guid_hash=sha1(title),
            content_hash=sha1(title),
            title=title,
            language="vi",
            province=Province.objects.get(code=code),
            ingested_at=when,
            sort_at=when,
        )


def check_page(response, case: Case) -> None:
    assert response.status_code == case.status, response.content[:500]
    content = response.content.decode()
    if case.status == 400:
        assert "400.html" in [t.name for t in response.templates]
    for text in case.shows:
        assert text in content, text
    for text in case.hides:
        assert text not in content, text


@pytest.mark.parametrize("case", NEWS, ids=str)
def test_news_page(client, news, case):
    check_page(client.get(f"/en/news/?{case.query}"), case)


@pytest.mark.parametrize("case", SECTION, ids=str)
def test_section_page(client, case):
    check_page(client.get(f"/en/culture/?{case.query}"), case)


@pytest.mark.parametrize("path", IGNORING)
@pytest.mark.parametrize("query", ["page=%00", "page=-1&page=2", "from=0001-01-01", "x=%FF"])
def test_pages_without_parameters_ignore_them(client, path, query):
    plain = client.get(path)
    hostile = client.get(f"{path}?{query}")
    assert plain.status_code == hostile.status_code == 200
    assert hostile.context["page"].pk == plain.context["page"].pk


@pytest.mark.parametrize("case", SEARCH, ids=str)
def test_search_page(client, case):
    check_page(client.get(f"/en/search/?{case.query}"), case)


@pytest.mark.parametrize("case", SEARCH, ids=str)
def test_search_json(client, case):
    response = client.get(f"/en/search/json/?{case.query}")
    data = response.json()
    if case.status == 400:
        assert response.status_code == 400 and set(data) == {"error"}
        assert case.shows[0] in data["error"]
        return
    urls = [row["url"] for row in data.get("results", [])]
    if "error" in data:  # a query with nothing to search for explains itself
        assert response.status_code == 400 and data["error"] and not case.shows
        return
    assert response.status_code == 200
    assert data["warning"] == (NOTICE if NOTICE in case.shows else "")
    for text in case.shows:
        assert text == NOTICE or text in urls, (text, urls)
    for text in case.hides:
        assert text == NOTICE or text not in urls, (text, urls)


@pytest.mark.parametrize("case", SUGGEST, ids=str)
def test_suggest(client, case):
    response = client.get(f"/en/search/suggest/?{case.query}")
    data = response.json()
    assert response.status_code == case.status
    if case.status == 400:
        assert set(data) == {"error"} and case.shows[0] in data["error"]
    else:
        for text in case.shows:
            assert any(text in suggestion for suggestion in data["suggestions"])


def test_search_json_without_query_explains(client):
    response = client.get("/en/search/json/?page=%FF%FE")
    assert response.status_code == 400 and "page" in response.json()["error"]
    response = client.get("/en/search/json/?q=%00")
    assert response.status_code == 400 and response.json()["error"]


def test_root_redirect_ignores_the_query_string(client):
    for query in ("x=%00", "lang=%FF", f"q={LONG}", "a=1&a=2"):
        response = client.get(f"/?{query}", headers={"accept-language": "fr"})
        assert response.status_code == 302 and response["Location"].startswith("/")


def test_too_many_parameters_get_the_site_400_page(client, settings):
    count = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    response = client.get("/en/search/?" + "&".join(f"f{n}=1" for n in range(count)))
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_bad_request_page_is_in_the_visitor_language(client):
    response = client.get("/vi/news/?province=%00")
    assert response.status_code == 400
    content = response.content.decode()
    assert 'lang="vi"' in content and "“province”" in content
    assert "%00" not in content and "\x00" not in content
