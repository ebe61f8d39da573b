"""Province pages: the profile (written, or made from the provinces data), the facts box,
the province's latest stories and news, in a number of queries that does not grow."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.aggregator.dedupe import sha1
from cms.aggregator.models import Item, Source
from cms.provinces.models import ProvincePage
from cms.taxonomy.models import Province
from tests.factories import StoryPageFactory
from tests.helpers import section, story

pytestmark = pytest.mark.django_db


def province_page(code: str, language: str = "en") -> ProvincePage:
    return ProvincePage.objects.get(province__code=code, locale__language_code=language)


def soup_of(client, page: ProvincePage) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def facts(soup: BeautifulSoup) -> dict[str, str]:
    box = soup.select_one(".fact-box")
    return {dt.text: dd.text for dt, dd in zip(box.find_all("dt"), box.find_all("dd"), strict=True)}


def test_a_page_without_a_profile_says_what_the_data_says(client):
    page = province_page("quang-tri")
    assert page.profile == ""
    text = soup_of(client, page).select_one(".profile").text
    assert "Quang Tri is a province of Vietnam, formed on 1 July 2025 from Quang Tri, " in text
    assert "Quang Binh." in text
    assert "centre is in Quảng Bình." in text  # without the data's "(hiện nay)"


def test_a_city_that_kept_its_territory_is_described_so(client):
    text = soup_of(client, province_page("hanoi")).select_one(".profile").text
    assert "Hanoi is a centrally-run city of Vietnam; it kept its territory" in text
    assert "formed on" not in text


def test_the_editors_profile_replaces_the_generated_one(client):
    page = province_page("hue")
    page.profile = "<p>Huế, <b>cố đô</b>.</p>"
    page.save_revision().publish()
    profile = soup_of(client, page).select_one(".profile")
    assert profile.select_one("b").text == "cố đô"
    assert "is a centrally-run city" not in profile.text


def test_the_facts_box_shows_the_data_and_marks_vietnamese_values(client):
    soup = soup_of(client, province_page("quang-tri"))
    shown = facts(soup)
    assert shown["Type"] == "Province"
    assert shown["Administrative centre"] == "Quảng Bình (hiện nay)"
    assert shown["Formed in 2025 from"] == "Quang Tri, Quang Binh"
    assert shown["Land border with"] == "Laos"
    assert shown["Official portal"] == "https://quangtri.gov.vn/"
    assert soup.select_one(".fact-box a")["href"] == "https://quangtri.gov.vn/"
    centre = soup.find("dd", string="Quảng Bình (hiện nay)")
    assert centre["lang"] == "vi"
    # The data has no area or population: the page does not invent them.
    assert not any("area" in label.lower() or "population" in label.lower() for label in shown)


def test_in_vietnamese_nothing_is_marked_as_another_language(client):
    soup = soup_of(client, province_page("quang-tri", "vi"))
    assert soup.select(".fact-box [lang]") == []
    assert "Quảng Trị + Quảng Bình" not in soup.text  # listed, not with the data's "+"


def test_latest_stories_are_this_provinces_in_this_language(client):
    hue = Province.objects.get(code="hue")
    other = StoryPageFactory(parent=section("culture", "en"), title="Elsewhere")
    draft = StoryPageFactory(
        parent=section("culture", "en"), title="Hue draft", province=hue, live=False
    )
    titles = [a.text for a in soup_of(client, province_page("hue")).select(".card h3 a")]
    assert titles == [story("hue-monuments", "en").title]
    assert other.title not in titles and draft.title not in titles


def test_latest_news_are_this_provinces(client):
    source = Source.objects.create(name="Báo Huế", url="https://hue.example/rss")
    now = timezone.now()
    for n, province in enumerate([Province.objects.get(code="hue"), None]):
        Item.objects.create(
            source=source,
            guid=f"g{n}",
            guid_hash=sha1(f"g{n}"),
            content_hash=sha1(f"c{n}"),
            title=f"Tin số {n}",
            link=f"https://hue.example/{n}",
            language="vi",
            province=province,
            ingested_at=now - timedelta(minutes=n),
            sort_at=now - timedelta(minutes=n),
        )
    soup = soup_of(client, province_page("hue", "vi"))
    news = soup.select_one("section[aria-labelledby=news-heading]")
    assert [a.text for a in news.select(".feed__item h3 a")] == ["Tin số 0"]


def test_queries_do_not_grow_with_the_number_of_stories(client):
    page = province_page("hue")
    hue, culture = page.province, section("culture", "en")
    hero = story("ha-long-bay").hero_image

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            soup_of(client, page)
        return len(captured)

    StoryPageFactory(parent=culture, province=hue, hero_image=hero, hero_alt="A")
    queries()  # renditions made on first use
    before = queries()
    for _ in range(4):
        StoryPageFactory(parent=culture, province=hue, hero_image=hero, hero_alt="A")
    queries()
    assert queries() == before
    assert len(soup_of(client, page).select(".card")) == 6


def test_the_generated_profile_is_in_the_pages_language(client):
    text = soup_of(client, province_page("hanoi", "vi")).select_one(".profile").text
    assert text.startswith("Thành phố Hà Nội là thành phố trực thuộc trung ương của Việt Nam")
    assert "Trung tâm chính trị – hành chính đặt tại Hà Nội." in text
