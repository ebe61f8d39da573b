from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .demo import load_demo
from .figures import figures
from .models import Contributor
from .moderation import link_contributor
from .permissions import can_moderate


class LinkingCreateView(CreateView):
    """Saving a contributor links the confirmed submissions sent from their address."""

    def save_instance(self):
        instance = super().save_instance()
        link_contributor(instance)
        return instance


class LinkingEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        link_contributor(instance)
        return instance


class ContributorViewSet(ModelViewSet):
    model = Contributor
    name = "submissions_contributor"
    url_prefix = "submissions/contributors"
    icon = "user"
    menu_label = gettext_lazy("Contributors")
    menu_order = 271
    add_view_class = LinkingCreateView
    edit_view_class = LinkingEditView
    add_to_admin_menu = True
    list_display = ["name", "country", "public_profile"]
    search_fields = ["name", "country"]
    form_fields = [
        "name", "slug", "country", "email", "bio", "portrait", "portrait_alt", "public_profile",
    ]  # fmt: skip


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ContributorViewSet()


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", admin_views.queue, name="queue"),
        path("<int:pk>/", admin_views.moderate, name="moderate"),
        path("<int:pk>/photo/", admin_views.photo, name="photo"),
    ]
    return [
        path("submissions/", include((urls, "submissions_admin"), namespace="submissions_admin"))
    ]


class QueueMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    return QueueMenuItem(
        gettext_lazy("Public submissions"),
        reverse("submissions_admin:queue"),
        icon_name="mail",
        order=270,
    )


@hooks.register("register_footer_links")
def footer_links(request):
    return [(_("Send your story"), reverse("submissions:contribute"))]


@hooks.register("register_measurement_figures")
def measurement_figures():
    return figures()


@hooks.register("load_demo_content")
def demo_content(stdout):
    load_demo(stdout)
