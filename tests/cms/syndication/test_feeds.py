"""Every feed of the demo parses cleanly and carries full, safe entries."""

import feedparser
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from cms.stories.models import SectionPage, StoryPage
from tests.helpers import home

pytestmark = pytest.mark.django_db

CONTENT_LANGUAGES = ("vi", "en", "zh-hans", "lo", "km")  # the demo's story languages
PROVINCES = ("quang-ninh", "hanoi", "da-nang")


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return response, parsed


def assert_full_entries(parsed, url: str) -> None:
    assert parsed.entries, url
    for entry in parsed.entries:
        assert entry.link.startswith("http://testserver/"), url
        assert entry.content[0].value.strip(), url
        assert entry.get("author"), url
        media = entry.get("media_content") or []
        enclosures = [link for link in entry.links if link.rel == "enclosure"]
        assert media and enclosures, (url, entry.title)
        assert media[0]["url"].startswith("http://testserver/media/"), url
        assert enclosures[0].href == media[0]["url"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_language_feeds_of_every_demo_language(client, kind):
    for code, _name in settings.LANGUAGES:
        url = f"/{code}/feeds/{kind}.xml"
        _response, parsed = parse(client, url)
        assert parsed.version == ("rss20" if kind == "rss" else "atom10")
        if code in CONTENT_LANGUAGES:
            assert_full_entries(parsed, url)
            live = StoryPage.objects.live().filter(locale__language_code=code).count()
            assert len(parsed.entries) >= min(live, 30)
        if kind == "rss":
            assert parsed.feed.language == code
            assert parsed.feed.rights == "CC BY 4.0"


def test_section_feeds_in_every_language(client):
    for code in CONTENT_LANGUAGES:
        for section in SectionPage.objects.live().filter(locale=home(code).locale):
            for kind in ("rss", "atom"):
                url = f"/{code}/feeds/section/{section.slug}/{kind}.xml"
                _response, parsed = parse(client, url)
                stories = StoryPage.objects.child_of(section).live()
                assert len(parsed.entries) >= stories.count(), url
                if stories.exists():
                    assert_full_entries(parsed, url)
                    titles = {entry.title for entry in parsed.entries}
                    assert set(stories.values_list("title", flat=True)) <= titles


@pytest.mark.parametrize("code", PROVINCES)
def test_province_feeds(client, code):
    for kind in ("rss", "atom"):
        url = f"/en/feeds/province/{code}/{kind}.xml"
        _response, parsed = parse(client, url)
        expected = StoryPage.objects.live().filter(locale__language_code="en", province__code=code)
        assert expected.exists()
        assert {entry.title for entry in parsed.entries} == set(
            expected.values_list("title", flat=True)
        )
        assert_full_entries(parsed, url)


def test_entry_has_body_classification_and_licence(client):
    response, parsed = parse(client, "/en/feeds/rss.xml")
    entry = next(e for e in parsed.entries if "coffee" in e.link)
    assert "Robusta" in entry.content[0].value
    assert "Dak Lak" in entry.content[0].value
    assert {"Economy"} <= {tag.term for tag in entry.tags}
    assert entry.rights == "CC BY 4.0"
    assert entry.media_content[0]["medium"] == "image"
    assert b"http://search.yahoo.com/mrss/" in response.content


def test_unknown_section_province_and_language_are_404(client):
    assert client.get("/en/feeds/section/no-such-section/rss.xml").status_code == 404
    assert client.get("/en/feeds/province/atlantis/atom.xml").status_code == 404
    assert client.get("/xx/feeds/rss.xml").status_code == 404


def test_hostile_title_is_escaped(client, hostile_story):
    for kind in ("rss", "atom"):
        response, parsed = parse(client, f"/en/feeds/section/culture/{kind}.xml")
        raw = response.content.decode()
        assert "<script>" not in raw
        assert "&lt;script&gt;" in raw
        entry = next(e for e in parsed.entries if e.link.endswith("/hostile/"))
        assert "alert" in entry.title
        assert "<script" not in entry.content[0].value


def test_machine_translated_entries_are_labelled(client, machine_drafted):
    _response, parsed = parse(client, "/lo/feeds/rss.xml")
    with translation.override("lo"):  # the label is in the feed's language
        label = gettext("Machine-translated, reviewed by a human")
    labelled = [e for e in parsed.entries if label in e.content[0].value]
    assert [e.link for e in labelled] == [f"http://testserver{machine_drafted.url}"]
    assert labelled[0].summary.startswith(label)


def test_autodiscovery_links_on_pages(client):
    html = client.get("/en/").content.decode()
    assert 'type="application/rss+xml" title="Vietnam" href="/en/feeds/rss.xml"' in html
    assert 'type="application/atom+xml" title="Vietnam" href="/en/feeds/atom.xml"' in html
    section_html = client.get("/en/culture/").content.decode()
    assert 'href="/en/feeds/section/culture/rss.xml"' in section_html
    province_html = client.get("/en/provinces/hanoi/").content.decode()
    assert 'href="/en/feeds/province/hanoi/rss.xml"' in province_html
