from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and accounts: the top layer, free to import every app."""

    name = "cms.demo"
    label = "demo"
