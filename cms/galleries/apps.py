from django.apps import AppConfig


class GalleriesConfig(AppConfig):
    name = "cms.galleries"
    label = "galleries"
