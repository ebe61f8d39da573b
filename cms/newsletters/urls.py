from django.urls import path

from . import views

app_name = "newsletters"

urlpatterns = [
    path("newsletter/", views.subscribe_view, name="subscribe"),
    path("newsletter/confirm/<str:token>/", views.confirm_view, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
    path("newsletter/archive/", views.archive_view, name="archive"),
    path("newsletter/archive/<int:pk>/", views.issue_view, name="issue"),
]
