"""Who may use the clarifications desk, for which languages, and where a draft may go.

A language belongs to a user's desk when they may publish in that language's tree (its
reviewers, the moderators, administrators) or when they request translations (editors,
who own the source tree and draft every language, as ``translations.permissions``
``dashboard_languages`` decides). Translators have no desk.
"""

from django.conf import settings
from wagtail.models import Locale, Page

from cms.core.pages import home_pages
from translations.permissions import can_review, tester

from .models import ClarificationIndexPage


def desk_languages(user) -> list[str]:
    if not (user.is_active and user.is_authenticated):
        return []
    every = user.is_superuser or user.has_perm("translations.request_translation")
    homes = {home.locale.language_code: home for home in home_pages().select_related("locale")}
    return [
        code
        for code, _name in settings.LANGUAGES
        if code in homes and (every or can_review(user, homes[code]))
    ]


def can_use_desk(user) -> bool:
    return bool(desk_languages(user))


def draft_parent(user, language: str) -> ClarificationIndexPage | None:
    """The listing a draft answering an item in ``language`` goes to: that language's,
    else the source language's (Vietnamese), the first where ``user`` may add a page."""
    for code in dict.fromkeys([language, settings.LANGUAGE_CODE]):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        for index in ClarificationIndexPage.objects.filter(locale=locale).order_by("path"):
            if tester(user, index).can_add_subpage():
                return index
    return None


def can_edit_page(user, page: Page) -> bool:
    return tester(user, page).can_edit()
