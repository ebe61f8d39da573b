from django.apps import AppConfig


class GalleriesConfig(AppConfig):
    name = "cms.galleries"
    label = "galleries"

    def ready(self):
        from cms.core.tasks import connect_renditions

        connect_renditions()
