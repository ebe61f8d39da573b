from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AggregatorConfig(AppConfig):
    name = "cms.aggregator"
    label = "aggregator"
    verbose_name = _("Aggregated news")

    def ready(self):
        from cms.core.page_cache import invalidate

        from .signals import items_ingested

        # The home, news and province pages list new items: readers see them at once.
        items_ingested.connect(invalidate, dispatch_uid="page-cache-items-ingested")
