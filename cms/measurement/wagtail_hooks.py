from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .figures import own_figures


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", views.dashboard_view, name="dashboard"),
        path("figures.csv", views.csv_view, name="csv"),
    ]
    return [path("measurement/", include((urls, "measurement"), namespace="measurement"))]


class MeasurementMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(views.SEE)


@hooks.register("register_admin_menu_item")
def register_menu():
    return MeasurementMenuItem(
        _("Measurement"), reverse("measurement:dashboard"), icon_name="view", order=260
    )


@hooks.register("register_measurement_figures")
def register_figures():
    return own_figures()
