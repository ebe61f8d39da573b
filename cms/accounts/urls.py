from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("setup/", views.otp_setup, name="otp_setup"),
    path("verify/", views.otp_verify, name="otp_verify"),
]
