"""Root-level URLs, outside the language prefix: robots.txt, the sitemaps, the manifest,
the partner API and its OpenAPI document."""

from django.urls import path

from . import views
from .api import api_router

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", views.sitemap, name="sitemap"),
    path("manifest.webmanifest", views.manifest, name="root_manifest"),
    path("api/openapi.json", views.openapi_json, name="openapi"),
    path("api/v2/", api_router.urls),
]
