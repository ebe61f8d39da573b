from django.urls import path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from . import figures, views
from .admin import NewsItemChooserViewSet, WatchedTermPolicy, WatchedTermViewSet
from .demo import load_demo
from .models import ClarificationIndexPage, WatchedTerm
from .permissions import can_use_desk

register_permission_policy(WatchedTerm, WatchedTermPolicy(WatchedTerm))
term_viewset = WatchedTermViewSet()
item_chooser = NewsItemChooserViewSet("clarifications_item_chooser")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [term_viewset, item_chooser]


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("clarifications/desk/", views.desk_view, name="clarifications_desk"),
        path("clarifications/desk/rematch/", views.rematch_view, name="clarifications_rematch"),
        path(
            "clarifications/items/<int:item_id>/draft/",
            views.draft_view,
            name="clarifications_draft",
        ),
    ]


class DeskMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return can_use_desk(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    items = [
        MenuItem(gettext_lazy("Desk"), reverse("clarifications_desk"), icon_name="warning"),
        MenuItem(
            gettext_lazy("Watched terms"),
            reverse("clarifications_term:index"),
            icon_name="search",
        ),
    ]
    return DeskMenuItem(
        gettext_lazy("Clarifications"), Menu(items=items), icon_name="warning", order=265
    )


@hooks.register("register_news_item_buttons")
def draft_button(item, user):
    """ "Clarify" on a news item, for users with a desk."""
    if not can_use_desk(user):
        return []
    url = reverse("clarifications_draft", args=[item.pk])
    return [Button(_("Clarify"), url=url, icon_name="warning", priority=45)]


@hooks.register("register_footer_links")
def footer_links(request) -> list[tuple[str, str]]:
    index = (
        ClarificationIndexPage.objects.live()
        .public()
        .filter(locale__language_code=get_language())
        .first()
    )
    return [(_("Clarifications"), index.get_url(request=request))] if index else []


@hooks.register("register_measurement_figures")
def measurement_figures():
    return [
        ("clarifications_published", gettext_lazy("Clarifications published"), figures.published),
        (
            "clarifications_matched_items",
            gettext_lazy("News items matching watched terms"),
            figures.matched_items,
        ),
    ]


hooks.register("load_demo_content", load_demo)
