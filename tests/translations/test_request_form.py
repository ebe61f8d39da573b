"""The MT request form shows the route that serves each language and refuses the rest.

Installed for the session (tests/conftest.py): Argos vi→en and en→fr, and a multilingual
model for vi, en, lo and km. So from Vietnamese: en direct, fr through English, lo and km
by the multilingual model, and nothing for ja or zh-hans.
"""

import re
from html import unescape

import pytest
from django.urls import reverse

from cms.core.roles import EDITORS
from tests.factories import UserFactory
from tests.helpers import locale, story
from translations.engines.registry import Registry
from translations.models import TranslationReview, TranslationTask

pytestmark = pytest.mark.django_db

VI_EN = "translate-vi_en-1_0"
EN_FR = "translate-en_fr-1_0"
MULTI = "m2m-tiny"


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(groups=[EDITORS]))
    return client


def request_url() -> str:
    return reverse("translations:request", args=[story("coffee-exports").pk])


def language_rows(html: str) -> dict[str, str]:
    """The form's list item per language code, tags and all."""
    return dict(
        re.findall(
            r'<li class="mt-request__language[^"]*" data-language="([^"]+)">(.*?)</li>', html, re.S
        )
    )


def text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def checkbox(fragment: str) -> str:
    return re.search(r"<input[^>]*>", fragment).group(0)


def test_each_language_shows_its_route(editor, installed_models):
    rows = language_rows(editor.get(request_url()).content.decode())
    assert "vi" not in rows
    assert f"Argos package {VI_EN}" in text(rows["en"])
    assert f"through English: Argos package {VI_EN}, then Argos package {EN_FR}" in text(rows["fr"])
    for code in ("lo", "km"):
        assert f"multilingual model {MULTI}" in text(rows[code])
    for code in ("en", "fr", "lo", "km"):
        assert "disabled" not in checkbox(rows[code])


def test_a_language_without_a_route_is_disabled_with_what_to_install(editor, installed_models):
    rows = language_rows(editor.get(request_url()).content.decode())
    for code, missing in (("ja", "en_ja"), ("zh-hans", "en_zh")):
        assert "disabled" in checkbox(rows[code])
        hint = text(rows[code])
        assert f"python manage.py mt install translate-{missing}-*.argosmodel" in hint
        assert "MT_LIBRETRANSLATE_URL" in hint
        # The English leg is installed, so only the missing one is asked for.
        assert "translate-vi_en" not in hint


def test_libretranslate_serves_what_it_lists(editor, installed_models, settings):
    settings.MT_LIBRETRANSLATE_URL = "http://127.0.0.1:9"
    settings.MT_LIBRETRANSLATE_LANGUAGES = ["vi", "ja"]
    rows = language_rows(editor.get(request_url()).content.decode())
    assert "LibreTranslate service" in text(rows["ja"])
    assert "disabled" not in checkbox(rows["ja"])
    assert "add zh to MT_LIBRETRANSLATE_LANGUAGES" in text(rows["zh-hans"])


def test_a_language_without_a_route_is_refused_when_posted(editor, installed_models):
    page = story("coffee-exports")
    response = editor.post(request_url(), {"locales": [locale("ja").pk, locale("lo").pk]})
    assert response.status_code == 200
    assert "No installed model translates into:" in response.content.decode()
    assert not TranslationTask.objects.filter(source_page=page).exists()
    assert not TranslationReview.objects.filter(
        translation__target_locale__in=[locale("ja"), locale("lo")]
    ).exists()


def test_languages_with_a_route_are_drafted(editor, installed_models):
    page = story("coffee-exports")
    response = editor.post(request_url(), {"locales": [locale("fr").pk]})
    assert response.status_code == 302
    task = TranslationTask.objects.get(source_page=page)
    assert task.target_locale == locale("fr")
    assert task.engine == f"{VI_EN} + {EN_FR}"


def test_registry_route_descriptions_do_not_change_the_route(installed_models):
    registry = Registry()
    route = registry.find_route("vi", "fr")
    assert list(route.steps) == registry.route("vi", "fr")
    assert route.pivots
    assert registry.find_route("vi", "ja") is None
    assert registry.missing_pairs("vi", "ja") == [("en", "ja")]
    assert registry.missing_pairs("en", "ja") == [("en", "ja")]
    assert registry.missing_pairs("lo", "zh-hans") == [("en", "zh")]
    assert registry.missing_pairs("ja", "ko") == [("ja", "en"), ("en", "ko")]
