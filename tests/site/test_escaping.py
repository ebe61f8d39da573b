"""Script payloads planted in every field that someone outside the code can write, then
every screen that shows the field, parsed as HTML: no payload may come out as markup.

Writers: an editor (title, standfirst, body), an importer (import_content), a feed (item
title and description), a translator (segment text), a reviewer (send-back comment, QA
override reason), a glossary keeper (term), a visitor (search text, filters).
Screens: the public story, section and news pages, search results and JSON, the review
screen with its source diff, the queue, the dashboard and the page history.
"""

import json
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation

from cms.aggregator.ingest import ingest
from cms.aggregator.models import Source
from cms.aggregator.parse import parse_feed
from cms.core.roles import reviewers_group_name, translators_group_name
from cms.search.indexing import rebuild
from cms.stories.importing import import_file
from cms.stories.models import StoryPage
from tests.factories import StoryPageFactory, UserFactory
from tests.helpers import locale, section, story
from translations.models import GlossaryTerm, TranslationReview
from translations.models.workflow import TaskKind
from translations.operations.drafting import draft_translation
from translations.requests import request_translations

pytestmark = pytest.mark.django_db

MARK = "xssmark"
PAYLOAD = (
    f'<script>window.{MARK}=1</script><img src=x onerror="window.{MARK}=1">'
    f'<a href="javascript:window.{MARK}=1">{MARK}link</a><svg onload="{MARK}()"></svg>'
)


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")


class MarkupFinder(HTMLParser):
    """Collects every way the payload could run: a script holding the mark, an event
    handler or javascript: URL holding it, an element the payload would have created."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        # A JSON script (JSON-LD) holds data; a payload that broke out of it would show
        # up as a script element of its own.
        self._in_script = tag == "script" and "json" not in (dict(attrs).get("type") or "")
        for name, value in attrs:
            runs = name.startswith("on") or (name in URL_ATTRIBUTES and "javascript:" in value)
            if value and MARK in value and runs:
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "svg" and any(name == "onload" for name, _ in attrs):
            self.found.append("<svg onload>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and MARK in data:
            self.found.append(f"<script>{data[:60]}</script>")


def assert_inert(html_text: str, where: str) -> None:
    finder = MarkupFinder()
    finder.feed(html_text)
    assert not finder.found, f"payload rendered as markup on {where}: {finder.found}"


def assert_shown_as_text(html_text: str, where: str) -> None:
    assert_inert(html_text, where)
    assert MARK in html_text, f"the planted text is not shown at all on {where}"


@pytest.fixture
def planted(installed_models, tmp_path, admin_user):
    """One of each writer's payloads in the database."""
    culture = section("culture")
    editor_story = StoryPageFactory(
        parent=culture,
        title=f"Editor {MARK} {PAYLOAD}",
        slug="editor-payload",
        standfirst=f"Standfirst {PAYLOAD}",
        body=[("paragraph", RichText(f"<p>Body {MARK}</p>{PAYLOAD}"))],
    )
    records = tmp_path / "import.jsonl"
    records.write_text(
        json.dumps(
            {
                "language": "vi",
                "section": "culture",
                "key": "import-payload",
                "title": f"Imported {MARK} {PAYLOAD}",
                "standfirst": PAYLOAD,
                "body": f"<p>Imported body {MARK}</p>{PAYLOAD}",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    import_file(records)
    feed = Source.objects.create(name=f"Feed {PAYLOAD}", url="https://portal.example/rss")
    escaped = PAYLOAD.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        "<link>https://portal.example/</link><item><guid>g1</guid>"
        f"<title>Feed {MARK} {escaped}</title><link>https://portal.example/a</link>"
        f"<description>{escaped}</description><pubDate>16/05/2026 08:00</pubDate></item>"
        "</channel></rss>"
    )
    from django.utils import timezone

    ingest(feed, parse_feed(xml, feed.url), timezone.now())
    GlossaryTerm.objects.create(
        source_language="vi", target_language="lo", source_term="Hạ Long", target_term=PAYLOAD
    )
    draft_translation(story("ha-long-bay"), locale("lo"))
    review = TranslationReview.objects.get(translation__target_locale=locale("lo"))
    translator = UserFactory(groups=[translators_group_name("lo")])
    first = StringTranslation.objects.filter(locale=locale("lo")).order_by("pk").first()
    first.data = f"{MARK} {PAYLOAD}"
    first.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    first.last_translated_by = translator
    first.save()
    reviewer = UserFactory(groups=[reviewers_group_name("lo")])
    review.state = "review"
    review.submitted_by = translator
    review.save()
    from translations.operations import send_back

    send_back(review, reviewer, f"Comment {MARK} {PAYLOAD}")
    rebuild()
    return {
        "editor_story": editor_story,
        "review": review,
        "translator": translator,
        "reviewer": reviewer,
    }


def test_public_pages(client, planted):
    from cms.aggregator.models import FeedIndexPage

    imported = StoryPage.objects.get(slug="import-payload")
    urls = [planted["editor_story"].url, imported.url, section("culture").url]
    urls += [feed_page.url for feed_page in FeedIndexPage.objects.live()]
    for url in urls:
        assert_inert(client.get(url).content.decode(), url)
    assert_shown_as_text(client.get(planted["editor_story"].url).content.decode(), "story")
    news = FeedIndexPage.objects.live().filter(locale__language_code="vi").first()
    # On the day of the planted item: the demo's items are newer and would fill the page.
    page = client.get(news.url, {"to": "2026-05-16"}).content.decode()
    assert_shown_as_text(page, "news page")


def test_search_results_and_json(client, planted):
    for language in ("vi", "en"):
        html_text = client.get(f"/{language}/search/", {"q": MARK}).content.decode()
        assert_inert(html_text, "search results")
        reflected = client.get(f"/{language}/search/", {"q": PAYLOAD[:200]}).content.decode()
        assert_inert(reflected, "search with a hostile query")
    response = client.get("/vi/search/json/", {"q": MARK})
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["results"], "the planted pages are found"
    for row in data["results"]:
        assert_inert(row["snippet"], "search JSON snippet")
    suggest = client.get("/vi/search/suggest/", {"q": MARK})
    assert suggest["Content-Type"].startswith("application/json")


def test_review_queue_dashboard_and_history(client, planted):
    review = planted["review"]
    client.force_login(planted["reviewer"])
    screens = {
        "review": reverse("translations:review", args=[review.pk]),
        "queue": reverse("translations:queue"),
        "dashboard": reverse("translations:dashboard") + "?language=lo",
        "history": reverse("wagtailadmin_pages:history", args=[story("ha-long-bay", "lo").pk]),
    }
    for name, url in screens.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert_inert(response.content.decode(), name)
    review_html = client.get(screens["review"]).content.decode()
    assert_shown_as_text(review_html, "review screen")


def test_source_diff_on_the_review_screen(client, planted, admin_user):
    source = story("ha-long-bay")
    for block in source.body:
        if block.block_type == "paragraph":
            block.value = RichText(f"{block.value.source} {MARK} {PAYLOAD}")
            break
    source.save_revision(user=admin_user).publish()
    request_translations(source, [locale("lo")], kind=TaskKind.SYNC)
    review = TranslationReview.objects.get(translation__target_locale=locale("lo"))
    client.force_login(planted["translator"])
    html_text = client.get(reverse("translations:review", args=[review.pk])).content.decode()
    assert_inert(html_text, "review screen with the source diff")


def test_admin_site_history(client, planted, admin_user):
    client.force_login(admin_user)
    html_text = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert_inert(html_text, "site history")
