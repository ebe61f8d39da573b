from django.apps import AppConfig


class ProvincesConfig(AppConfig):
    name = "cms.provinces"
    label = "provinces"
