from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_view, name="search"),
    path("search/json/", views.search_json, name="search_json"),
    path("search/suggest/", views.suggest_view, name="search_suggest"),
]
