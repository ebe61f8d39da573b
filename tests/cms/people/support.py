"""Helpers shared by the people, events and press tests: reading a rendered page's
JSON-LD, and taking a page through the translation pipeline to publication."""

import json

from bs4 import BeautifulSoup
from wagtail_localize.models import Translation

from cms.core.roles import reviewers_group_name, translators_group_name
from tests.factories import UserFactory
from tests.helpers import locale
from translations.models import TranslationReview
from translations.operations import approve, submit_for_review
from translations.operations.drafting import draft_translation

HOSTILE = '</script><script>alert("x")</script> & <b>bold</b>'


def json_ld(html: bytes | str, type_name: str) -> dict:
    """The JSON-LD object of ``type_name`` in the page's head (exactly one)."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.select('head script[type="application/ld+json"]'):
        data = json.loads(script.string)
        if data.get("@type") == type_name:
            found.append(data)
    assert len(found) == 1, f"{len(found)} {type_name} objects"
    assert found[0]["@context"] == "https://schema.org"
    return found[0]


def assert_inert(html: bytes) -> None:
    """No hostile text closed the JSON-LD element or opened a script of its own."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert "alert" not in (script.get("src") or "")
        if script.get("type") != "application/ld+json":
            assert "alert(" not in (script.string or "")
    assert b'<script>alert("x")' not in html


def translate_and_publish(page, code: str, live: bool = True):
    """Machine-draft ``page`` into ``code``, check the draft waits for review, have a
    translator submit it and a reviewer approve it; the published translation (still
    scheduled, not live, when ``live`` is False)."""
    draft_translation(page, locale(code))
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale(code)
    )
    review = TranslationReview.objects.get(translation=translation)
    target = page.get_translation(locale(code)).specific
    assert not target.live
    superuser = UserFactory(is_superuser=True, is_staff=True)
    assert not target.permissions_for_user(superuser).can_publish(), "review gate"
    submit_for_review(review, UserFactory(groups=[translators_group_name(code)]))
    approve(review, UserFactory(groups=[reviewers_group_name(code)]), "Test model output")
    target.refresh_from_db()
    assert target.live == live
    return target
