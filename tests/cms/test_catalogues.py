"""The UI catalogues (cms/locale/*/LC_MESSAGES/django.po): they compile, the compiled .mo
matches the .po, placeholders survive translation, and the public site is complete in
Lao and Khmer (issue 11, parts 3 and 6)."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from django.conf import settings

from cms.stories.models import StoryPage

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
COMPLETE = ("lo", "km")

PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]")

# "Public" by the path a message is referenced from (the #: comments).
# Templates: everything under site/templates/ except staff screens (any admin/ folder)
# and the measurement dashboard (staff only).
# Modules: the visitor-facing modules of the apps that serve public pages. Not public:
# admin*.py, wagtail_hooks.py, apps.py, management commands, editor/moderation workflow
# modules (moderation, drafting, promote, figures, heartbeat, measurement), the
# aggregator's source configuration (models/sources.py), and the staff-only apps
# accounts, measurement, ops and translations.
PUBLIC_APPS = (
    "aggregator catalogue clarifications core displays events galleries home newsletters "
    "people press provinces search social stories submissions syndication taxonomy"
).split()
PUBLIC_MODULES = (
    "views forms feeds params mail mails dates ordinals recurrence schema digest fields "
    "blocks pages uploads spam api content models"
).split()
PUBLIC_MODULE = re.compile(
    rf"^cms/({'|'.join(PUBLIC_APPS)})/({'|'.join(PUBLIC_MODULES)}|models/(?!sources\b)\w+)\.py$"
)
STAFF_TEMPLATES = ("site/templates/measurement/",)


def is_public_path(path: str) -> bool:
    if path.startswith("site/templates/"):
        return "/admin/" not in path and not path.startswith(STAFF_TEMPLATES)
    return bool(PUBLIC_MODULE.match(path))


def catalogue(code: str):
    with open(LOCALE_DIR / code / "LC_MESSAGES" / "django.po", "rb") as handle:
        return read_po(handle)


def translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(message.id) and all(strings) and not message.fuzzy


def singular(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


def language(po_path: Path) -> str:
    return po_path.parent.parent.name


def test_the_public_path_rule():
    assert is_public_path("site/templates/base.html")
    assert is_public_path("site/templates/newsletters/email/digest.txt")
    assert is_public_path("cms/submissions/models/submissions.py")
    assert is_public_path("cms/events/views.py")
    assert not is_public_path("site/templates/submissions/admin/queue.html")
    assert not is_public_path("site/templates/measurement/dashboard.html")
    assert not is_public_path("cms/aggregator/models/sources.py")
    assert not is_public_path("cms/newsletters/admin_views.py")
    assert not is_public_path("cms/events/wagtail_hooks.py")
    assert not is_public_path("translations/views.py")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) missing")
@pytest.mark.parametrize("po_path", CATALOGUES, ids=language)
def test_each_catalogue_compiles(po_path, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check-format", "--check-domain", "-o", str(tmp_path / "x.mo"), po_path],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("po_path", CATALOGUES, ids=language)
def test_the_compiled_catalogue_is_up_to_date(po_path):
    with open(po_path.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for message in catalogue(language(po_path)):
        if not translated(message) or message.context:
            continue
        if isinstance(message.id, tuple):
            got, want = compiled.ngettext(*message.id, 1), message.string[0]
        else:
            got, want = compiled.gettext(message.id), message.string
        if got != want:
            stale.append(singular(message))
    assert not stale, f"run compilemessages; {len(stale)} differ, e.g. {stale[:3]}"


@pytest.mark.parametrize("po_path", CATALOGUES, ids=language)
def test_placeholders_survive_translation(po_path):
    wrong = []
    for message in catalogue(language(po_path)):
        if not translated(message):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            # A one-form plural may drop the count only where the singular has none.
            if sorted(PLACEHOLDER.findall(text)) not in (
                expected,
                sorted(PLACEHOLDER.findall(ids[0])),
            ):
                wrong.append((singular(message), text))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("code", COMPLETE)
def test_every_public_message_is_translated(code):
    missing = [
        (singular(message), sorted({path for path, _ in message.locations})[:2])
        for message in catalogue(code)
        if message.id
        and not translated(message)
        and any(is_public_path(path) for path, _ in message.locations)
    ]
    assert not missing, f"{len(missing)} public messages untranslated in {code}: {missing[:10]}"


def test_a_public_message_without_translation_is_caught():
    """The completeness rule sees an untranslated template message (not vacuous)."""
    messages = [
        m for m in catalogue("lo") if m.id and any(is_public_path(p) for p, _ in m.locations)
    ]
    assert len(messages) > 300
    assert all(translated(m) for m in messages)
    messages[0].string = ""
    assert not translated(messages[0])


# English UI strings of the base layout, home, story, search and 404 pages; none may show
# on a Lao or Khmer page.
ENGLISH_UI = (
    "Skip to content",
    "Search",
    "Languages",
    "Sections",
    "More from this site",
    "Latest stories",
    "Galleries",
    "Topics",
    "Page not found",
    "Search every language",
    "Nothing found",
    "results",
    "Previous",
    "Next",
    "Newsletter",
    "Events",
    "Machine-translated",
    "does not exist",
    "You can read it",
    "Not available in",
)
VISIBLE_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt", "value")


def english_on(content: bytes) -> list[str]:
    html = BeautifulSoup(content, "html.parser")
    for tag in html(["script", "style", "head"]):
        tag.decompose()
    texts = [html.get_text(" ")]
    for tag in html.find_all(True):
        texts += [str(tag.get(name, "")) for name in VISIBLE_ATTRIBUTES]
    text = " ".join(texts)
    return [s for s in ENGLISH_UI if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text)]


@pytest.mark.django_db
@pytest.mark.parametrize("code", COMPLETE)
def test_public_pages_show_no_english_ui(client, code):
    story = StoryPage.objects.live().filter(locale__language_code=code).first()
    assert story is not None, f"the demo has no {code} story"
    pages = {
        "home": client.get(f"/{code}/"),
        "story": client.get(story.url),
        "search": client.get(f"/{code}/search/", {"q": story.title.split()[0]}),
        "empty search": client.get(f"/{code}/search/", {"q": "zzqxqzz"}),
        "404": client.get(f"/{code}/no-such-page-at-all/"),
    }
    assert pages["404"].status_code == 404
    for name, response in pages.items():
        assert response.status_code in (200, 404), (name, response.status_code)
        assert f'lang="{code}"' in response.content.decode(), name
        assert english_on(response.content) == [], (name, english_on(response.content))


@pytest.mark.django_db
def test_the_english_check_sees_english(client):
    """Control: the same check finds the English UI on the English home page."""
    found = english_on(client.get("/en/").content)
    assert "Skip to content" in found and "Latest stories" in found
