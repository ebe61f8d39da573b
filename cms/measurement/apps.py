from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasurementConfig(AppConfig):
    name = "cms.measurement"
    label = "measurement"
    verbose_name = _("Measurement")

    def ready(self):
        from cms.core.page_cache import page_served

        from .counter import count_kept_page

        page_served.connect(count_kept_page, dispatch_uid="measurement-count-kept-page")
