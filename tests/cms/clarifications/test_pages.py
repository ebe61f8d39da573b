"""The public clarification, its listing, JSON-LD ClaimReview, feeds and demo content."""

import json
from datetime import UTC, date, datetime, timedelta
from io import StringIO

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail import hooks
from wagtail_localize.models import StringSegment, TranslationSource

from cms.clarifications.figures import matched_items, published
from cms.clarifications.matching import match_items
from cms.clarifications.models import (
    AnsweredClaim,
    ClarificationPage,
    ClarificationSource,
    TermMatch,
    WatchedTerm,
)

from .factories import (
    ClarificationPageFactory,
    ItemFactory,
    SourceFactory,
    WatchedTermFactory,
    index_page,
)

pytestmark = pytest.mark.django_db

HOSTILE_CLAIM = 'Closed </script><script>alert("claim")</script> & gone'
HOSTILE_OUTLET = '<img src=x onerror=alert("outlet")>News'
HOSTILE_TITLE = '<b onmouseover="alert(1)">Ha Long closed</b>'


@pytest.fixture
def clarification():
    source = SourceFactory(name='<i>Portal</i> "Q"')
    item = ItemFactory(
        source=source,
        title=HOSTILE_TITLE,
        link="https://portal.example/ha-long",
        language="en",
    )
    page = ClarificationPageFactory(
        parent=index_page("en"),
        title="Ha Long Bay stays open",
        claim=HOSTILE_CLAIM,
        claim_outlet=HOSTILE_OUTLET,
        claim_url="https://outlet.example/closed",
        claim_date=date(2026, 6, 1),
        rating="misleading",
        facts='<p>Boats sail daily.</p><script>alert("facts")</script>',
    )
    ClarificationSource.objects.create(
        page=page, title="Provincial notice", url="https://quangninh.gov.vn/notice"
    )
    AnsweredClaim.objects.create(page=page, item=item)
    return page, item


def test_public_page_shows_the_claim_rating_facts_sources_and_claims_answered(
    client, clarification
):
    page, item = clarification
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Misleading" in soup.select_one(".rating").text
    assert soup.select_one(".clarification__claim blockquote").text.strip() == HOSTILE_CLAIM
    outlet = soup.select_one(".clarification__claim a")
    assert (outlet.text, outlet["href"]) == (HOSTILE_OUTLET, "https://outlet.example/closed")
    assert "Boats sail daily." in soup.select_one(".clarification__facts").text
    assert soup.select_one(".clarification__sources a")["href"] == "https://quangninh.gov.vn/notice"
    answer = soup.select_one(".clarification__answers li")
    assert answer.select_one(".source").text == '<i>Portal</i> "Q"'
    assert answer.select_one("a")["href"] == item.link
    assert answer.select_one("a").text == HOSTILE_TITLE
    local_day = timezone.localdate(item.published_at)  # the date in Vietnam
    assert answer.select_one("time")["datetime"].startswith(str(local_day))


def test_hostile_text_stays_text(client, clarification):
    page, _item = clarification
    html = client.get(page.url).content.decode()
    for raw in ("<script>alert", "<img src=x", "<b onmouseover", "<i>Portal"):
        assert raw not in html
    assert "&lt;img src=x onerror=alert(&quot;outlet&quot;)&gt;News" in html
    assert "alert(&quot;facts&quot;)" not in html  # scripts in the rich text are dropped


def test_claim_review_json_ld(client, clarification):
    page, item = clarification
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    scripts = soup.select('script[type="application/ld+json"]')
    assert all("<" not in script.string for script in scripts)
    reviews = [d for d in (json.loads(s.string) for s in scripts) if d["@type"] == "ClaimReview"]
    [review] = reviews
    assert review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == HOSTILE_CLAIM
    assert review["url"] == f"http://testserver{page.url}"
    assert review["datePublished"] == page.date_published.date().isoformat()
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 4,
        "worstRating": 1,
        "alternateName": "Misleading",
    }
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Organization", "name": HOSTILE_OUTLET}
    assert claim["datePublished"] == "2026-06-01"
    urls = [appearance["url"] for appearance in claim["appearance"]]
    assert urls == ["https://outlet.example/closed", item.link]


def test_listing_and_feeds(client, clarification):
    page, _item = clarification
    index = index_page("en")
    listing = client.get(index.url)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert page.url in html and "Misleading" in html
    assert f'href="{index.url}rss/"' in html
    for name in ("rss/", "atom/"):
        response = client.get(index.url + name)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        entry = next(e for e in feed.entries if e.title == "Ha Long Bay stays open")
        assert entry.link == f"http://testserver{page.url}"
        assert entry.summary.startswith("Misleading.")
        content = entry.content[0].value if "content" in entry else ""
        assert "Boats sail daily." in content and "<script" not in content


def test_listing_refuses_a_malformed_page_number(client):
    response = client.get(index_page("en").url, {"page": "1\x00"})
    assert response.status_code == 400


def test_footer_links_to_the_listing(client):
    html = client.get("/en/").content.decode()
    assert f'href="{index_page("en").url}"' in html


def test_demo_content_is_idempotent():
    """load_demo ran once for the session; running the hook again creates nothing."""
    assert ClarificationPage.objects.filter(slug="ha-long-bay-is-open", live=True).exists()
    assert ClarificationPage.objects.filter(slug="vinh-ha-long-van-mo-cua", live=True).exists()
    [load] = [hook for hook in hooks.get_hooks("load_demo_content") if "clarif" in hook.__module__]
    load(StringIO())
    counts = (ClarificationPage.objects.count(), WatchedTerm.objects.count())
    load(StringIO())
    assert (ClarificationPage.objects.count(), WatchedTerm.objects.count()) == counts
    assert set(WatchedTerm.objects.values_list("language", flat=True)) == {
        "vi",
        "en",
        "lo",
        "km",
        "zh-hans",
    }


def test_measurement_figures(clarification):
    page, item = clarification
    WatchedTermFactory(language="en", term="Ha Long")
    match_items([item.pk])
    march = datetime(2025, 3, 10, tzinfo=UTC)
    ClarificationPage.objects.filter(pk=page.pk).update(first_published_at=march)
    TermMatch.objects.filter(item=item).update(matched_at=march)
    start, end = datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 4, 1, tzinfo=UTC)
    assert (published("en", start, end), published(None, start, end)) == (1, 1)
    assert published("lo", start, end) == 0
    assert published("en", end, end + timedelta(days=30)) == 0
    assert (matched_items("en", start, end), matched_items(None, start, end)) == (1, 1)
    assert matched_items("vi", start, end) == 0


def test_clarification_is_translatable_text_by_text(clarification):
    """wagtail-localize extracts the claim, the facts and the outlet as segments."""
    page, _item = clarification
    source, _created = TranslationSource.get_or_create_from_instance(page)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Boats sail daily." in strings
    assert any("Closed" in text for text in strings)
