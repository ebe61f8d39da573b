from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"

    def ready(self):
        from django.core import checks

        from . import slugs  # noqa: F401
        from .conf import check_settings
        from .page_cache import connect_invalidation

        checks.register(check_settings)
        connect_invalidation()
