from django.urls import path

from . import views

app_name = "displays"

urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
    path("<slug:slug>/<str:token>/", views.kiosk, name="kiosk"),
    path("<slug:slug>/<str:token>/bundle.json", views.bundle, name="bundle"),
    path("<slug:slug>/<str:token>/heartbeat", views.heartbeat, name="heartbeat"),
]
