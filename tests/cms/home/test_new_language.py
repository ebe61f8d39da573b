"""Ê Đê (``rad``), a language neither Django nor Wagtail knows, added by one settings line
(``EXTRA_LANGUAGES=rad:Ê Đê``) and one command (``setup_locales``)."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale

from cms.home.models import HomePage
from cms.settings.languages import parse_extra_languages
from cms.stories.models import StoryPage
from translations.engines import registry

pytestmark = pytest.mark.django_db

TITLE = "Ƀuôn Ama Thuôt leh anăn čar Dak Lak"


@pytest.fixture
def ede(settings, tmp_path):
    """The settings line: what ``EXTRA_LANGUAGES=rad:Ê Đê`` does at start-up."""
    settings.LANGUAGES = [*settings.LANGUAGES, *parse_extra_languages("rad:Ê Đê")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    return tmp_path


def setup_locales() -> str:
    out = StringIO()
    call_command("setup_locales", stdout=out)
    return out.getvalue()


def test_one_command_gives_ede_its_locale_tree_roles_and_catalogue(ede):
    report = setup_locales()
    home = HomePage.objects.get(locale__language_code="rad")
    assert home.live
    assert Group.objects.filter(name__in=["Translators (rad)", "Reviewers (rad)"]).count() == 2
    catalogue = ede / "rad" / "LC_MESSAGES"
    assert (catalogue / "django.po").read_text("utf-8").count("msgid ") > 100
    assert (catalogue / "django.mo").is_file()
    assert "rad (Ê Đê): MT from vi: no route" in report
    assert "mt download vi rad" in report
    assert "fonts: Noto Sans" in report
    assert setup_locales().count("UI catalogue skeleton written") == 0  # idempotent


def test_an_ede_story_is_served_and_found_by_search(ede, client):
    setup_locales()
    source = StoryPage.objects.live().filter(locale__language_code="vi").first()
    page = source.copy_for_translation(
        Locale.objects.get(language_code="rad"), copy_parents=True
    ).specific
    page.title = TITLE
    page.save_revision().publish()
    page.refresh_from_db()

    response = client.get(page.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "rad"
    assert html.h1.get_text().strip() == TITLE
    fonts = [link["href"] for link in html.select('link[rel="stylesheet"][href*="/fonts/"]')]
    assert len(fonts) == 1 and fonts[0].endswith("latin.css")
    switcher = {a["hreflang"] for a in html.select(".language-switcher a")}
    assert {"rad", "vi"} <= switcher

    results = client.get("/rad/search/", {"q": "ƀuôn"})
    assert results.status_code == 200
    found = BeautifulSoup(results.content, "html.parser").select_one("main").get_text(" ")
    assert " ".join(TITLE.split()) in " ".join(found.split())  # matches are <mark>ed


def test_machine_translation_has_no_route_to_ede_and_says_so(ede):
    setup_locales()
    assert registry.Registry().find_route("vi", "rad") is None
