"""Who may queue posts: publish rights in the story's language tree (the source tree's
editors, that language's reviewers, moderators, administrators). Channels themselves
are configured by holders of the model permissions (administrators)."""

from wagtail.models import Page

from cms.core.pages import home_pages
from translations.permissions import tester


def can_post(user, page: Page) -> bool:
    return user.is_active and tester(user, page).can_review()


def languages_for(user) -> set[str]:
    """The languages whose trees the user may publish in, hence post from."""
    if not user.is_active:
        return set()
    return {
        home.locale.language_code
        for home in home_pages().select_related("locale")
        if user.is_superuser or tester(user, home).can_review()
    }
