"""Wagtail's front-end URLs, with its page view replaced by the one that keeps routes
(cms.core.page_routes); the URL name stays ``wagtail_serve`` so page URLs reverse alike."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from .page_routes import serve

urlpatterns = [
    *(p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
