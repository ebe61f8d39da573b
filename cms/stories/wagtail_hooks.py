from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from .promote import can_promote
from .views import promote_view


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("aggregator/items/<int:item_id>/promote/", promote_view, name="aggregator_promote")
    ]


@hooks.register("register_news_item_buttons")
def promote_button(item, user):
    """ "Make a story" on a news item not yet promoted (listing and inspect view)."""
    if item.promoted_page_id or not can_promote(user):
        return []
    url = reverse("aggregator_promote", args=[item.pk])
    return [Button(_("Make a story"), url=url, icon_name="doc-full", priority=40)]
