"""Who may build and send a language's newsletter: whoever may publish in that language's
tree (its reviewers; editors for the source language; moderators and administrators)."""

from django.conf import settings

from cms.core.pages import home_pages
from translations.permissions import can_review


def may_manage(user, language: str) -> bool:
    if not (user.is_active and user.is_authenticated):
        return False
    home = home_pages().filter(locale__language_code=language).first()
    return home is not None and can_review(user, home)


def manageable_languages(user) -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if may_manage(user, code)]
