"""The README's table of content languages, as ``manage.py languages_table`` prints it.

One row per language of ``settings.LANGUAGES`` (``EXTRA_LANGUAGES`` included): how machine
translation reaches it from the source language (the registry's route over the installed
models), the font families the site ships for its script, how complete its UI catalogue
is, and whether its home page is live and how many stories it has.
"""

from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

from cms.core.languages import font_families
from cms.core.pages import home_pages
from cms.stories.models import StoryPage
from translations.engines import registry

MSGID_LANGUAGE = "en"  # the UI's msgids are written in English
HEADER = ("code", "language", "MT from {source}", "fonts", "UI catalogue", "home page")


@dataclass(frozen=True)
class LanguageRow:
    code: str
    name: str
    route: str
    fonts: str
    catalogue: str
    home: str

    def cells(self) -> tuple[str, ...]:
        return (f"`{self.code}`", self.name, self.route, self.fonts, self.catalogue, self.home)


def route_text(routes: registry.Registry, source: str, target: str) -> str:
    """``direct: <package> (kind)``, ``via en: <a> + <b>``, or ``no route``."""
    if target == source:
        return "source language"
    route = routes.find_route(source, target)
    if route is None:
        return "no route"
    if not route.steps:
        return "same model language"
    steps = " + ".join(f"{step.package} ({step.kind})" for step in route.steps)
    return f"via {registry.PIVOT}: {steps}" if route.pivots else f"direct: {steps}"


def catalogue_path(code: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / to_locale(code) / "LC_MESSAGES" / "django.po"


def catalogue_text(code: str) -> str:
    """Share of messages translated and not fuzzy in the language's django.po."""
    if code == MSGID_LANGUAGE:
        return "source text (msgids)"
    path = catalogue_path(code)
    if not path.is_file():
        return "no catalogue"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    messages = [message for message in catalog if message.id]
    if not messages:
        return "empty catalogue"
    done = sum(1 for message in messages if not message.fuzzy and _translated(message.string))
    return f"{100 * done // len(messages)}% ({done}/{len(messages)})"


def _translated(string: str | tuple[str, ...]) -> bool:
    forms = string if isinstance(string, tuple | list) else (string,)
    return all(form.strip() for form in forms)


def home_text(code: str) -> str:
    home = home_pages().filter(locale__language_code=code).first()
    if home is None:
        return "missing (run setup_locales)"
    if not home.live:
        return "not live"
    stories = StoryPage.objects.live().public().filter(locale__language_code=code).count()
    return f"live, {stories} {'story' if stories == 1 else 'stories'}"


def rows() -> list[LanguageRow]:
    source = settings.LANGUAGE_CODE
    routes = registry.Registry()
    return [
        LanguageRow(
            code=code,
            name=str(name),
            route=route_text(routes, source, code),
            fonts=", ".join(font_families(code)) or "system fonts",
            catalogue=catalogue_text(code),
            home=home_text(code),
        )
        for code, name in settings.LANGUAGES
    ]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table() -> str:
    header = [column.format(source=settings.LANGUAGE_CODE) for column in HEADER]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows():
        lines.append("| " + " | ".join(_cell(cell) for cell in row.cells()) + " |")
    return "\n".join(lines) + "\n"
