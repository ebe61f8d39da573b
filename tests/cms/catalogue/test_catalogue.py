"""The open catalogue: its exports parse and match the published pages; filters; bad
filters get a 400; the number of queries does not grow with the results."""

import csv
import io
import json
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from cms.catalogue.entries import content_kinds
from cms.catalogue.schema import NAMES
from cms.provinces.models import ProvincePage
from cms.taxonomy.models import Province
from tests.factories import GalleryPageFactory, StoryPageFactory
from tests.helpers import home, section

from .factories import TopicFactory

pytestmark = pytest.mark.django_db
URL = "/en/catalogue/"


def translate(page, code, live=True, **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if live:
        revision.publish()
    copy.refresh_from_db()
    return copy


def export(client, fmt, **params):
    response = client.get(URL, {**params, "format": fmt})
    assert response.status_code == 200, response
    text = b"".join(response.streaming_content).decode("utf-8")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        return rows
    return json.loads(text)["items"]


@pytest.fixture
def pages():
    """Stories of one topic in vi, en and zh-hans, one of them later unpublished, and a
    gallery; a draft that must never show."""
    topic = TopicFactory(slug="catalogue-test")
    hanoi = Province.objects.get(code="hanoi")
    when = timezone.make_aware(datetime(2026, 3, 15, 9, 0))
    story = StoryPageFactory(
        parent=section("culture"), title="Áo dài của catalogue", province=hanoi, date_published=when
    )
    story.topics.set([topic])
    story.save_revision().publish()
    other = StoryPageFactory(
        parent=section("economy"),
        title="Cà phê",
        date_published=timezone.make_aware(datetime(2026, 6, 1)),
    )
    other.topics.set([topic])
    other.save_revision().publish()
    english = translate(story, "en", title="Ao dai")
    chinese = translate(story, "zh-hans", title="奥黛")
    draft = StoryPageFactory(parent=section("culture"), title="Nháp", live=False)
    draft.topics.set([topic])
    draft.save_revision()
    gallery = GalleryPageFactory(parent=home("vi"), title="Phố cổ", province=hanoi)
    return {
        "story": story,
        "other": other,
        "english": english,
        "chinese": chinese,
        "draft": draft,
        "gallery": gallery,
    }


def published_ids() -> set[int]:
    """Every live, public page of a content type, found without the catalogue's code."""
    return {
        page.pk
        for page in Page.objects.live().public().specific()
        if isinstance(page, ProvincePage) or hasattr(page, "date_published")
    }


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_match_the_published_pages(client, pages, fmt):
    rows = export(client, fmt)
    ids = [int(row["id"]) for row in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == published_ids()
    assert pages["draft"].pk not in ids
    if fmt == "csv":
        assert list(rows[0]) == NAMES
    by_id = {int(row["id"]): row for row in rows}
    chinese = by_id[pages["chinese"].pk]
    assert chinese["language"] == "zh-hans" and chinese["title"] == "奥黛"
    assert chinese["type"] == "stories.storypage"
    assert chinese["url"].startswith("http://testserver/zh-hans/")
    assert chinese["licence"] == "CC BY 4.0"
    assert chinese["translation_key"] == str(pages["story"].translation_key)
    story = by_id[pages["story"].pk]
    assert story["province"] == "hanoi"
    assert story["date_published"].startswith("2026-03-15T02:00:00")  # 09:00 in Hanoi, in UTC
    assert story["topics"] == ("catalogue-test" if fmt == "csv" else ["catalogue-test"])


def test_an_unpublished_page_disappears(client, pages):
    before = {int(row["id"]) for row in export(client, "csv", topic="catalogue-test")}
    assert before == {pages[name].pk for name in ("story", "other", "english", "chinese")}
    pages["english"].unpublish()
    after = {int(row["id"]) for row in export(client, "json", topic="catalogue-test")}
    assert after == before - {pages["english"].pk}


def test_filters(client, pages):
    def ids(**params):
        return {int(row["id"]) for row in export(client, "json", **params)}

    topic = {"topic": "catalogue-test"}
    assert ids(**topic, language="zh-hans") == {pages["chinese"].pk}
    assert ids(**topic, language="vi") == {pages["story"].pk, pages["other"].pk}
    assert ids(**topic, date_from="2026-05-01") == {pages["other"].pk}
    assert ids(**topic, date_to="2026-03-15") == {
        pages[name].pk for name in ("story", "english", "chinese")
    }
    hanoi = ids(province="hanoi")
    assert {pages["story"].pk, pages["gallery"].pk} <= hanoi
    assert pages["other"].pk not in hanoi
    assert ids(province="hanoi", type="galleries.gallerypage") == {pages["gallery"].pk}
    assert ids(**topic, licence="CC BY 4.0") == ids(**topic)
    html = client.get(URL, {**topic, "language": "vi"})
    assert html.status_code == 200
    assert "Áo dài của catalogue" in html.content.decode() and "奥黛" not in html.content.decode()


def test_types_are_discovered_from_the_models():
    keys = {kind.key for kind in content_kinds()}
    assert {"stories.storypage", "galleries.gallerypage", "provinces.provincepage"} <= keys
    assert "stories.sectionpage" not in keys and "home.homepage" not in keys


@pytest.mark.parametrize(
    "params",
    [
        {"type": "wagtailcore.page"},
        {"language": "xx"},
        {"province": "atlantis"},
        {"topic": "no-such-topic"},
        {"date_from": "2026-02-30"},
        {"date_from": "2026-05-01", "date_to": "2026-04-01"},
        {"licence": "All rights reserved"},
        {"page": "0"},
        {"format": "xml"},
        {"language": "vi\x00"},
        {"topic": "x" * 500},
    ],
)
def test_bad_filters_get_the_400_page(client, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert "Bad parameter" in response.content.decode()
    assert response.templates and response.templates[0].name == "400.html"
    json_response = client.get(URL, {**params, "format": "json"})
    if "format" not in params:
        assert json_response.status_code == 400 and json_response.json()["error"]


def test_queries_do_not_grow_with_the_results(client, pages):
    topic = TopicFactory(slug="catalogue-many")

    def count_queries(**params) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, params)
            assert response.status_code == 200
        return len(queries)

    TopicFactory(slug="catalogue-empty")
    empty = count_queries(topic="catalogue-empty")  # the layout's own queries
    few = count_queries(topic="catalogue-test")
    for number in range(30):
        story = StoryPageFactory(parent=section("tourism"), title=f"Điểm đến {number}")
        story.topics.set([topic])
        story.save_revision().publish()
    many = count_queries(topic="catalogue-many")
    assert many <= few <= empty + 6
    with CaptureQueriesContext(connection) as queries:
        assert len(export(client, "csv", topic="catalogue-many")) == 30
    assert len(queries) <= 25


def test_schema_names_every_column(client):
    schema = client.get("/en/catalogue/schema.json").json()
    assert [field["name"] for field in schema["fields"]] == NAMES


def test_footer_links_the_catalogue(client):
    page = client.get("/en/")
    assert 'href="/en/catalogue/"' in page.content.decode()


def test_a_page_behind_a_password_is_left_out(client, pages):
    PageViewRestriction.objects.create(
        page=pages["other"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    ids = {int(row["id"]) for row in export(client, "csv", topic="catalogue-test")}
    assert pages["other"].pk not in ids and pages["story"].pk in ids
