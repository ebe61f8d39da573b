from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/schema.json", views.schema, name="schema"),
]
