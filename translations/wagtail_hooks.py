from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import audit, lockdown, views
from .models import GlossaryTerm
from .permissions import tester


@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    urls = [
        path("", views.queue_view, name="queue"),
        path("dashboard/", views.dashboard_view, name="dashboard"),
        path("request/<int:page_id>/", views.request_view, name="request"),
        path("review/<int:review_id>/", views.review_view, name="review"),
        path("review/<int:review_id>/<slug:action>/", views.review_action, name="review_action"),
    ]
    return [
        path("translations/", include((urls, "translations"), namespace="translations")),
        # Shadow wagtail-localize's views that would bypass the review (see lockdown.py).
        path(
            "localize/update/<int:translation_source_id>/",
            views.sync_source_view,
            name="translations_sync_source",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            lockdown.convert_to_alias,
            name="translations_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            lockdown.stop_translation,
            name="translations_stop_translation",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            lockdown.submit_page_translation,
            name="translations_submit_page_translation",
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    audit.register(actions)


@hooks.register("construct_page_action_menu")
def hide_locked_actions(menu_items, request, context):
    page = context.get("page")
    if page is None or page.pk is None:
        return
    if not tester(request.user, page).can_convert_to_alias():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("before_edit_page", order=-1)
def lock_translation_editor(request, page):
    """Hide "Convert to alias page" in wagtail-localize's editor from those who may not."""
    if request.method != "GET" or tester(request.user, page).can_convert_to_alias():
        return None
    return lockdown.edit_translation_without_alias(request, page)


@hooks.register("register_admin_menu_item")
def register_menu():
    items = [
        MenuItem(_("Review queue"), reverse("translations:queue"), icon_name="doc-full", order=10),
        MenuItem(_("Dashboard"), reverse("translations:dashboard"), icon_name="view", order=20),
        MenuItem(
            _("Glossary"),
            reverse("wagtailsnippets_translations_glossaryterm:list"),
            icon_name="list-ul",
            order=30,
        ),
    ]
    return SubmenuMenuItem(_("Translations"), Menu(items=items), icon_name="globe", order=250)


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def request_translation_button(page, user, view_name=None, next_url=None):
    if page.depth > 1 and user.has_perm("translations.request_translation"):
        yield Button(
            _("Request machine translation"),
            reverse("translations:request", args=[page.pk]),
            icon_name="globe",
            priority=59,
        )


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    add_to_admin_menu = False
    list_display = ["source_term", "approved_form", "target_language", "category"]
    list_filter = ["source_language", "target_language", "category"]
    search_fields = ["source_term", "target_term"]


register_snippet(GlossaryViewSet)

from . import admin_hooks  # noqa: E402, F401
