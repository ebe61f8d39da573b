from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClarificationsConfig(AppConfig):
    name = "cms.clarifications"
    label = "clarifications"
    verbose_name = _("Clarifications")

    def ready(self):
        from . import signals  # noqa: F401
