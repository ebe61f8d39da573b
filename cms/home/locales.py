"""Create the locales and per-language home pages that settings.LANGUAGES asks for.

Wagtail serves ``/<lang>/`` from the translation of the site's root page in that
locale, so every language's home page is a translation of the source-language home.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage

# Title and introduction of each language's home page; other languages get the default.
HOME_TEXT = json.loads((Path(__file__).resolve().parent / "home_pages.json").read_text("utf-8"))
DEFAULT_HOME_TITLE = "Vietnam"


@dataclass
class LocaleReport:
    locales_created: list[str] = field(default_factory=list)
    homes_created: list[str] = field(default_factory=list)


def home_text(language_code: str) -> dict:
    return HOME_TEXT.get(language_code, {"title": DEFAULT_HOME_TITLE, "intro": ""})


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Delete the "Welcome to Wagtail" page that Wagtail's migrations create."""
    for child in root.get_children():
        if child.specific_class is Page and not child.get_children().exists():
            child.delete()


def ensure_tree_roots(locale: Locale) -> Page:
    """Wagtail's root page and root collection, which its migrations create; recreated if
    the database was emptied (``manage.py flush``)."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def ensure_source_home() -> HomePage:
    """The source-language home page, created and made the default site's root if needed."""
    source_locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = ensure_tree_roots(source_locale)
    home = HomePage.objects.filter(locale=source_locale).first()
    if home is None:
        _remove_wagtail_welcome_page(root)
        text = home_text(source_locale.language_code)
        home = root.add_child(
            instance=HomePage(
                title=text["title"], intro=text["intro"], slug="home", locale=source_locale
            )
        )
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Vietnam"},
    )
    return home


@transaction.atomic
def ensure_locales(publish: bool = True) -> LocaleReport:
    """Ensure a Locale and a home page exist for every language in settings.LANGUAGES."""
    report = LocaleReport()
    source_home = ensure_source_home()
    for code, _name in settings.LANGUAGES:
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            report.locales_created.append(code)
        if source_home.get_translations(inclusive=True).filter(locale=locale).exists():
            continue
        home = source_home.copy_for_translation(locale).specific
        text = home_text(code)
        home.title = text["title"]
        home.intro = text["intro"]
        revision = home.save_revision()
        if publish:
            revision.publish()
        report.homes_created.append(code)
    return report
