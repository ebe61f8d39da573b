"""Fuzzing the public endpoints' query strings: whatever a visitor sends, the answer is
never a server error. Arbitrary text (NUL and other controls included, no surrogates),
raw bytes that are not UTF-8, huge and negative numbers, far dates, repeated names."""

from datetime import date, timedelta
from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.aggregator.dedupe import sha1
from cms.aggregator.models import Item, Source
from cms.taxonomy.models import Province

pytestmark = pytest.mark.django_db

SEARCH = ["q", "page", "type", "section", "province", "date_from", "date_to", "all_languages"]
ENDPOINTS = {
    "/en/news/": ["from", "to", "province", "topic", "after", "page"],
    "/vi/culture/": ["page"],
    "/en/search/": [*SEARCH, "language", "kind"],
    "/lo/search/json/": [*SEARCH, "language", "kind"],
    "/en/search/suggest/": ["q", "all_languages", "language"],
    "/": ["q", "page", "language"],
}
SPECIAL = [
    "",
    "\x00",
    "a\x00b",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2026-02-30",
    "-1",
    "0",
    "1e999",
    "NaN",
    "9" * 5_000,
    "x" * 5_000,
    "hanoi",
    "story",
    "'; DROP TABLE x; --",
    '"unterminated',
    "NEAR(a b) OR *",
    "MjAyNi0wMS0wMXw5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
]

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
numbers = st.integers(min_value=-(10**40), max_value=10**40).map(str)
dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)
encoded = st.one_of(texts, numbers, dates, st.sampled_from(SPECIAL)).map(
    lambda value: quote(value, safe="")
)
raw_bytes = st.binary(max_size=12).map(lambda value: quote_from_bytes(value, safe=""))
values = st.one_of(encoded, raw_bytes)


def queries(names: list[str]):
    name = st.one_of(st.sampled_from(names), texts.map(lambda value: quote(value, safe="")))
    pairs = st.lists(st.tuples(name, values), max_size=6)
    return pairs.map(lambda items: "&".join(f"{key}={value}" for key, value in items))


FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def news():
    source = Source.objects.create(name="Fuzz", url="https://fuzz.example/rss")
    now = timezone.now()
    for n, code in enumerate(["hanoi", "hue", "hanoi"]):
        when = now - timedelta(days=400 * n)
        Item.objects.create(
            source=source,
            guid=str(n),
            guid_hash=sha1(str(n)),
            content_hash=sha1(f"c{n}"),
            title=f"Tin {n}",
            language="vi",
            province=Province.objects.get(code=code),
            ingested_at=when,
            sort_at=when,
        )


@pytest.mark.parametrize("path", list(ENDPOINTS))
def test_public_endpoints_never_fail(client, news, path):
    @FUZZ
    @given(query=queries(ENDPOINTS[path]))
    def check(query):
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, query
        if response.status_code == 400 and ("json" in path or "suggest" in path):
            assert response.json()["error"]

    check()


latin1 = st.text(st.characters(codec="latin-1"), max_size=60)


@FUZZ
@given(header=latin1, cookie=latin1)
def test_root_redirect_never_fails(client, header, cookie):
    """``/`` reads no parameter but the Accept-Language header and the language cookie."""
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/?page=%00", headers={"accept-language": header})
    assert response.status_code == 302 and response["Location"].startswith("/")
