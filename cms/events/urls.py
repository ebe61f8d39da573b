from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events.ics", views.calendar, name="calendar"),
]
