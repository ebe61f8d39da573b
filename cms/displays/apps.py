from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisplaysConfig(AppConfig):
    name = "cms.displays"
    label = "displays"
    verbose_name = _("Border-gate displays")
