"""Publishing gate: a translation under review can only be published by ``approve``.

Wagtail's edit view, its bulk actions and wagtail-localize's editor all ask
``page.permissions_for_user(user).can_publish()`` (and Wagtail's publish action checks it
again), so answering "no" here closes every route by which unreviewed machine output could
go live. ``operations.review.approve`` marks the review approved before it publishes.
"""

from wagtail.models import PagePermissionTester


def publication_blocked(page) -> bool:
    from .models.workflow import ReviewState, TranslationReview

    if page.pk is None:
        return False
    return (
        TranslationReview.objects.filter(
            translation__source__object_id=page.translation_key,
            translation__target_locale_id=page.locale_id,
        )
        .exclude(state=ReviewState.APPROVED)
        .exists()
    )


class ReviewGatedPermissionTester(PagePermissionTester):
    def can_publish(self):
        return super().can_publish() and not publication_blocked(self.page)

    def can_review(self) -> bool:
        """Publish rights in this tree, whatever the review state."""
        return super().can_publish()


def can_review(user, page) -> bool:
    return ReviewGatedPermissionTester(user, page).can_review()


def can_post_edit(user, page) -> bool:
    return ReviewGatedPermissionTester(user, page).can_edit()
