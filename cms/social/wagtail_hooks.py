from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from cms.stories.models import StoryPage

from .figures import figures
from .forms import ChannelForm
from .models import Channel
from .permissions import can_post, languages_for
from .views import posts_view, queue_view, retry_view


class MaskedTokenColumn(Column):
    def get_value(self, instance):
        return instance.masked_token


class ChannelViewSet(ModelViewSet):
    model = Channel
    name = "social_channel"
    url_prefix = "social/channels"
    icon = "globe"
    menu_label = gettext_lazy("Social channels")
    menu_order = 270
    add_to_admin_menu = True
    list_filter = ["kind", "language", "active"]
    search_fields = ["name", "target"]
    list_display = [
        "name",
        "kind",
        "language",
        "target",
        MaskedTokenColumn("token", label=gettext_lazy("Token")),
        "active",
    ]

    def get_form_class(self, for_update=False):
        return ChannelForm


@hooks.register("register_admin_viewset")
def register_channels():
    return ChannelViewSet()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("social/posts/", posts_view, name="social_posts"),
        path("social/posts/<int:post_id>/retry/", retry_view, name="social_retry"),
        path("social/queue/<int:page_id>/", queue_view, name="social_queue"),
    ]


class PostsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(languages_for(request.user))


@hooks.register("register_admin_menu_item")
def posts_menu_item():
    return PostsMenuItem(
        gettext_lazy("Social posts"), reverse("social_posts"), icon_name="mail", order=271
    )


def _queue_button(page, user) -> list[Button]:
    if not isinstance(page.specific_deferred, StoryPage) or not page.live:
        return []
    if not can_post(user, page):
        return []
    url = reverse("social_queue", args=[page.pk])
    return [Button(_("Post to social channels"), url=url, icon_name="mail", priority=45)]


@hooks.register("register_page_header_buttons")
def page_header_button(page, user, view_name=None, next_url=None):
    return _queue_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_button(page, user, next_url=None):
    return _queue_button(page, user)


@hooks.register("register_measurement_figures")
def measurement_figures() -> list[tuple]:
    return figures()
