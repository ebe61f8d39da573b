"""Admin hooks for translators: the site's fonts in the admin, and "Send for review".

Imported by ``wagtail_hooks`` (Wagtail only loads modules of that name).
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import BaseButton, Button

from .models import TranslationReview
from .models.workflow import ReviewState
from .permissions import can_post_edit

ADMIN_STYLESHEETS = ("fonts/fonts.css", "css/admin.css")


@hooks.register("insert_global_admin_css")
def site_fonts():
    """The site's self-hosted unicode-range subsets: a page downloads only the scripts it
    shows (Lao, Khmer and Chinese have no glyphs in most systems' default fonts)."""
    return format_html_join(
        "\n", '<link rel="stylesheet" href="{}">', ((static(path),) for path in ADMIN_STYLESHEETS)
    )


def review_to_submit(page, user) -> TranslationReview | None:
    """The page's review when ``user`` may send it for review now, else None."""
    if page is None or page.pk is None or page.depth <= 1:
        return None
    review = TranslationReview.objects.filter(
        translation__source__object_id=page.translation_key,
        translation__target_locale_id=page.locale_id,
        state__in=(ReviewState.POST_EDIT, ReviewState.CHANGES),
    ).first()
    if review is None or not can_post_edit(user, page):
        return None
    return review


def send_for_review_buttons(page, user, button_class: type[BaseButton] = Button) -> list:
    """A button that posts "submit" to the review (Wagtail's ``w-action#post`` adds the
    CSRF token); without JavaScript it opens the review screen, which has the same form.
    ``Button`` suits the header's "More" menu, ``HeaderButton`` the header itself."""
    review = review_to_submit(page, user)
    if review is None:
        return []
    return [
        button_class(
            _("Send for review"),
            reverse("translations:review", args=[review.pk]),
            icon_name="mail",
            classname="translations-send-for-review",
            attrs={
                "data-controller": "w-action",
                "data-action": "w-action#post",
                "data-w-action-url-value": reverse(
                    "translations:review_action", args=[review.pk, "submit"]
                ),
            },
            priority=5,
        )
    ]


@hooks.register("register_page_header_buttons")
def send_for_review_header_button(page, user, view_name=None, next_url=None):
    """In Wagtail's page editor (wagtail-localize's editor gets the same button from
    ``translations/templates/wagtail_localize/admin/edit_translation.html``)."""
    if view_name == "edit":
        yield from send_for_review_buttons(page, user)
