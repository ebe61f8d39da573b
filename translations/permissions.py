"""Who may do what to a page, by its language tree and its review state.

Wagtail's views, its bulk actions and wagtail-localize's views all ask
``page.permissions_for_user(user)`` (Wagtail casts to the specific page type when the type
overrides it, as ours do through ``TranslatedPage``), so the answers here hold on every
route:

- Publishing is gated by the translation review: while a translation has a review that
  is not approved, or was created by wagtail-localize without one, nobody can publish it;
  ``operations.review.approve`` marks the review approved before it publishes.
- Changing a tree's structure (delete, move, copy, unpublish, convert to an alias, stop
  synchronisation) needs publish rights in that tree: a translator, who may only add and
  change drafts, can do none of it.
- Nothing is copied or moved into another language's tree: a page keeps its locale when
  it moves, so a Khmer page would sit (and go live) in the Lao tree.
- Wagtail's moderation workflows run only on source-language pages; translated pages go
  through the per-language review instead (see README, "One review route").
"""

from django.conf import settings
from wagtail.models import Page, PagePermissionTester


def source_language() -> str:
    return settings.LANGUAGE_CODE


def is_translation(page: Page) -> bool:
    """A page in a language tree other than the source language's."""
    return page.depth > 1 and page.locale.language_code != source_language()


def publication_blocked(page: Page) -> bool:
    """True while the page's translation has not been approved by a reviewer."""
    from wagtail_localize.models import Translation

    from .models.workflow import ReviewState, TranslationReview

    if page.pk is None or not is_translation(page):
        return False
    translations = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )
    if not translations.exists():
        return False  # written directly in this language, not translated by the platform
    return not TranslationReview.objects.filter(
        translation__in=translations, state=ReviewState.APPROVED
    ).exists()


def same_tree(page: Page, destination: Page) -> bool:
    return destination.depth == 1 or destination.locale_id == page.locale_id


class ReviewGatedPermissionTester(PagePermissionTester):
    def _manages_tree(self) -> bool:
        return self.user.is_active and (self.user.is_superuser or "publish" in self.permissions)

    def can_publish(self):
        return super().can_publish() and not publication_blocked(self.page)

    def can_review(self) -> bool:
        """Publish rights in this tree, whatever the review state."""
        return super().can_publish()

    def can_delete(self, ignore_bulk=False):
        return self._manages_tree() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_copy(self):
        return self._manages_tree() and super().can_copy()

    def can_move_to(self, destination):
        return same_tree(self.page, destination) and super().can_move_to(destination)

    def can_copy_to(self, destination, recursive=False):
        return same_tree(self.page, destination) and super().can_copy_to(destination, recursive)

    def can_submit_for_moderation(self):
        return not is_translation(self.page) and super().can_submit_for_moderation()

    def _publishes_in_language_tree(self) -> bool:
        """Publish rights granted on this language's tree itself (its reviewers), not
        inherited from the root (moderators)."""
        if self.user.is_superuser:
            return True
        return any(
            grant.permission.codename == "publish_page"
            and grant.page.depth > 1
            and self.page.path.startswith(grant.page.path)
            for grant in self.permission_policy.get_cached_permissions_for_user(self.user)
        )

    def can_convert_to_alias(self) -> bool:
        """Putting the source text live under this URL is a decision for the language's
        own reviewers (and administrators)."""
        return self.user.is_active and self._publishes_in_language_tree()

    def can_stop_sync(self) -> bool:
        return self._manages_tree() and self.can_edit()


def tester(user, page: Page) -> ReviewGatedPermissionTester:
    return ReviewGatedPermissionTester(user, page.specific_deferred)


def can_review(user, page) -> bool:
    return tester(user, page).can_review()


def can_post_edit(user, page) -> bool:
    return tester(user, page).can_edit()


def can_request_translation(user, page: Page, locale) -> bool:
    """Editors (and administrators) draft any language of a page they can edit in the
    source tree; a translator or reviewer refreshes the draft of their own language."""
    if tester(user, page).can_edit() and user.has_perm("translations.request_translation"):
        return True
    translation = page.get_translations().filter(locale=locale).first()
    return translation is not None and tester(user, translation).can_edit()


def dashboard_languages(user) -> list[str]:
    """Languages whose figures a user may read: every one for those who request
    translations (editors, administrators), else those they review."""
    from wagtail.models import Locale

    codes = []
    for locale in Locale.objects.order_by("language_code"):
        if locale.language_code == source_language():
            continue
        home = Page.objects.filter(locale=locale, depth=2).first()
        if user.has_perm("translations.request_translation") or (
            home is not None and can_review(user, home)
        ):
            codes.append(locale.language_code)
    return codes
