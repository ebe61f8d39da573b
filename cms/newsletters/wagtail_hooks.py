from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .figures import confirmed_subscribers, mails_sent
from .permissions import manageable_languages

admin_patterns = (
    [
        path("", admin_views.index_view, name="index"),
        path("build/", admin_views.build_view, name="build"),
        path("<int:pk>/", admin_views.issue_view, name="issue"),
        path("<int:pk>/preview/", admin_views.preview_view, name="preview"),
        path("<int:pk>/send/", admin_views.send_view, name="send"),
    ],
    "newsletters_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("newsletters/", include(admin_patterns))]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(manageable_languages(request.user))


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return NewsletterMenuItem(
        gettext_lazy("Newsletters"),
        reverse("newsletters_admin:index"),
        icon_name="mail",
        order=270,
    )


@hooks.register("register_footer_links")
def footer_links(request):
    return [(_("Newsletter"), reverse("newsletters:subscribe"))]


@hooks.register("register_measurement_figures")
def measurement_figures():
    return [
        (
            "newsletter_subscribers",
            gettext_lazy("Newsletter subscribers (confirmed, end of month)"),
            confirmed_subscribers,
        ),
        ("newsletter_mails_sent", gettext_lazy("Newsletter mails sent"), mails_sent),
    ]
