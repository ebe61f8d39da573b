"""The CSV export against numbers counted by hand from content built in the test."""

import csv
from datetime import UTC, datetime

import pytest
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Locale

from cms.core.roles import EDITORS
from cms.measurement.figures import page_views
from cms.measurement.periods import Month
from cms.stories.models import StoryPage
from cms.taxonomy.models import Province
from tests.factories import SectionPageFactory, StoryPageFactory, UserFactory
from tests.helpers import home

from .factories import ItemFactory, SourceFactory
from .test_counter import BROWSER

pytestmark = pytest.mark.django_db


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def translate(page, language_code: str, live: bool = True):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    revision = copy.save_revision()
    if live:
        revision.publish()
    copy.refresh_from_db()
    return copy


def published(page, when: datetime, live: bool = True) -> None:
    StoryPage.objects.filter(pk=page.pk).update(first_published_at=when, live=live)


def export(client, query: str) -> dict[tuple[str, str], dict[str, str]]:
    response = client.get("/admin/measurement/figures.csv?" + query)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(response.content.decode().splitlines()))
    assert list(rows[0])[:2] == ["month", "language"]
    return {(row["month"], row["language"]): row for row in rows}


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(groups=[EDITORS]))
    return client


@pytest.fixture
def content():
    """Vietnamese stories A..E (E withdrawn) and translations with known publication times."""
    section = SectionPageFactory(parent=home("vi"), title="Đo lường", slug="do-luong-test")
    translate(section, "en")
    translate(section, "fr")
    a, b, c, d, e = (StoryPageFactory(parent=section, title=f"Chuyện {n}") for n in "ABCDE")
    published(a, at(2024, 3, 5, 10))
    published(b, at(2024, 3, 20))
    published(c, at(2024, 4, 2))
    published(d, at(2024, 4, 28))
    published(e, at(2024, 4, 10), live=False)
    published(translate(a, "en"), at(2024, 4, 1, 10))  # 648 hours after A
    published(translate(c, "en"), at(2024, 4, 3, 12))  # 36 hours after C
    translate(b, "en", live=False)  # a draft: neither published nor covered
    published(translate(a, "fr"), at(2024, 3, 6, 10))  # 24 hours after A
    return a


def test_csv_matches_hand_counts(editor_client, content):
    hanoi = Province.objects.first()
    provincial = SourceFactory(province=hanoi)
    national = SourceFactory()
    for source in (provincial, provincial, national, national):
        ItemFactory(source=source, ingested_at=at(2024, 3, 9))
    ItemFactory(source=national, language="en", ingested_at=at(2024, 4, 30, 23, 59))
    ItemFactory(source=national, ingested_at=at(2024, 5, 1))  # outside the period

    table = export(editor_client, "start=2024-03&end=2024-04")
    assert sorted({month for month, _ in table}) == ["2024-03", "2024-04"]
    assert {language for _, language in table} >= {"all", "vi", "en", "fr", "lo"}

    def figure(key: str) -> dict[tuple[str, str], str]:
        return {
            (month, language): table[month, language][key]
            for month in ("2024-03", "2024-04")
            for language in ("all", "vi", "en", "fr")
        }

    assert figure("stories_published") == {
        **{
            ("2024-03", lang): n
            for lang, n in (("all", "3"), ("vi", "2"), ("en", "0"), ("fr", "1"))
        },
        **{
            ("2024-04", lang): n
            for lang, n in (("all", "5"), ("vi", "3"), ("en", "2"), ("fr", "0"))
        },
    }
    # End of March: A and B live; end of April: A, B, C, D (E was withdrawn).
    assert figure("translation_coverage") == {
        **{
            ("2024-03", lang): n for lang, n in (("all", ""), ("vi", ""), ("en", "0"), ("fr", "50"))
        },
        **{
            ("2024-04", lang): n
            for lang, n in (("all", ""), ("vi", ""), ("en", "50"), ("fr", "25"))
        },
    }
    assert figure("hours_to_translation") == {
        **{
            ("2024-03", lang): n
            for lang, n in (("all", "24"), ("vi", ""), ("en", ""), ("fr", "24"))
        },
        **{
            ("2024-04", lang): n
            for lang, n in (("all", "342"), ("vi", ""), ("en", "342"), ("fr", ""))
        },
    }
    assert figure("feed_items") == {
        **{
            ("2024-03", lang): n
            for lang, n in (("all", "4"), ("vi", "4"), ("en", "0"), ("fr", "0"))
        },
        **{
            ("2024-04", lang): n
            for lang, n in (("all", "1"), ("vi", "0"), ("en", "1"), ("fr", "0"))
        },
    }
    assert {row["page_views"] for row in table.values()} == {"0"}

    dashboard = editor_client.get("/admin/measurement/?start=2024-03&end=2024-03")
    assert dashboard.status_code == 200
    assert dashboard.context["provinces"] == [
        {"province": None, "items": 2},
        {"province": hanoi.name, "items": 2},
    ]
    stories = next(s for s in dashboard.context["series"] if s.figure.key == "stories_published")
    assert stories.values == [3]
    assert "<svg" in dashboard.content.decode()


def test_page_views_by_request_reach_the_csv_and_the_top_lists(editor_client, content):
    client = editor_client.__class__()  # an anonymous visitor
    story_url = content.get_url()
    for _ in range(3):
        client.get(story_url, headers={"user-agent": BROWSER})
    for _ in range(2):
        client.get("/en/", headers={"user-agent": BROWSER, "referer": "https://vnexpress.net/x"})
    client.get("/fr/", headers={"user-agent": BROWSER, "referer": "https://vnexpress.net/y"})
    client.get("/fr/", headers={"user-agent": "Googlebot/2.1"})

    month = timezone.now().strftime("%Y-%m")
    table = export(editor_client, f"start={month}&end={month}")
    counted = {language: table[month, language]["page_views"] for language in ("all", "vi", "en")}
    assert counted == {"all": "6", "vi": "3", "en": "2"}
    assert table[month, "fr"]["page_views"] == "1"

    dashboard = editor_client.get(f"/admin/measurement/?start={month}&end={month}")
    assert dashboard.context["top_pages"] == [
        {"path": story_url, "views": 3},
        {"path": "/en/", "views": 2},
        {"path": "/fr/", "views": 1},
    ]
    assert dashboard.context["top_referrers"] == [{"referrer_host": "vnexpress.net", "views": 3}]
    only_en = editor_client.get(f"/admin/measurement/?start={month}&end={month}&language=en")
    assert only_en.context["top_pages"] == [{"path": "/en/", "views": 2}]
    this_month = Month.of(timezone.now())
    assert page_views("en", this_month.start, this_month.end) == 2


def test_figures_of_other_apps_come_through_the_hook(editor_client):
    def kiosk_figures():
        def shown(language, start, end):
            return None if language else start.month * 10

        def broken(language, start, end):
            raise RuntimeError("a bug in another app")

        return [("test_items_shown", "Items shown", shown), ("test_broken", "Broken", broken)]

    with hooks.register_temporarily("register_measurement_figures", kiosk_figures):
        table = export(editor_client, "start=2024-02&end=2024-03&language=all")
        dashboard = editor_client.get("/admin/measurement/?start=2024-02&end=2024-03")
    assert set(table) == {("2024-02", "all"), ("2024-03", "all")}
    assert [table[m, "all"]["test_items_shown"] for m in ("2024-02", "2024-03")] == ["20", "30"]
    assert table["2024-03", "all"]["test_broken"] == ""
    assert dashboard.status_code == 200
    assert "Items shown" in dashboard.content.decode()
