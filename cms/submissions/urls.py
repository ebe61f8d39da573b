from django.urls import path

from . import views

app_name = "submissions"

urlpatterns = [
    path("contribute/", views.contribute, name="contribute"),
    path("contribute/sent/", views.sent, name="sent"),
    path("contribute/confirm/<str:token>/", views.confirm, name="confirm"),
    path("contributors/<str:slug>/", views.contributor, name="contributor"),
]
