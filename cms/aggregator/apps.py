from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AggregatorConfig(AppConfig):
    name = "cms.aggregator"
    label = "aggregator"
    verbose_name = _("Aggregated news")
