import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Site

from cms.home.locales import ensure_locales
from cms.home.models import HomePage
from tests.helpers import home

pytestmark = pytest.mark.django_db


def test_every_language_has_a_locale_and_one_live_home_page():
    from django.conf import settings

    for code, _name in settings.LANGUAGES:
        homes = HomePage.objects.filter(locale__language_code=code)
        assert homes.count() == 1, code
        assert homes.get().live


def test_homes_are_translations_of_the_site_root():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == home("vi")
    assert home("lo").translation_key == home("vi").translation_key


def test_running_again_creates_nothing():
    report = ensure_locales()
    assert report.locales_created == []
    assert report.homes_created == []


def test_adding_a_language_is_a_settings_change_and_one_command(client, settings):
    languages = [*settings.LANGUAGES, ("th", "ไทย")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        call_command("setup_locales", stdout=open("/dev/null", "w"))
        assert Locale.objects.filter(language_code="th").exists()
        thai_home = home("th")
        assert thai_home.live
        assert thai_home.translation_key == home("vi").translation_key
        assert client.get("/th/").status_code == 200


def test_new_language_home_can_stay_a_draft(settings):
    languages = [*settings.LANGUAGES, ("th", "ไทย")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        call_command("setup_locales", "--draft", stdout=open("/dev/null", "w"))
        assert not home("th").live


def test_adding_a_language_needs_no_migration(settings):
    """makemigrations --check fails if a model depends on the language list."""
    languages = [*settings.LANGUAGES, ("th", "ไทย")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        call_command("makemigrations", "--check", "--dry-run", stdout=open("/dev/null", "w"))
