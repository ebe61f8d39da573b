"""Root-level files for robots and browsers: robots.txt, the sitemaps, the web app
manifest and the OpenAPI document."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from cms.core.languages import live_home_languages

from . import conf
from .openapi import openapi_document
from .sitemaps import language_sitemaps

# Paths robots should not crawl: the admin sites and search results (endless, thin).
DISALLOWED = ("/admin/", "/django-admin/", "/*/search/")


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "Allow: /", ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_index(request):
    return sitemap_views.index(request, language_sitemaps(request), sitemap_url_name="sitemap")


@require_safe
def sitemap(request, section: str):
    sitemaps = language_sitemaps(request)
    if section not in sitemaps:
        raise Http404(_("No sitemap for this language."))
    return sitemap_views.sitemap(request, {section: sitemaps[section]}, section=section)


@require_safe
def manifest(request) -> JsonResponse:
    """The web app manifest; under a language prefix its name and start URL are that
    language's (the root one starts at ``/``, which picks the reader's language)."""
    language = get_language() if request.path != reverse("root_manifest") else None
    start = f"/{language}/" if language in live_home_languages() else "/"
    data = {
        "name": _("Vietnam"),
        "short_name": _("Vietnam"),
        "description": _("Stories about Vietnam, in your language."),
        "start_url": start,
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": conf.get("SYNDICATION_THEME_COLOR"),
        "icons": [
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    if start != "/":
        data["lang"] = language
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


@require_safe
@cache_control(max_age=3600, public=True)
def openapi_json(request) -> JsonResponse:
    return JsonResponse(
        openapi_document(request.build_absolute_uri("/").rstrip("/")),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
