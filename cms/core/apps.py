from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"

    def ready(self):
        from . import slugs  # noqa: F401
