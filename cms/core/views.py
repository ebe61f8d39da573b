from django.conf import settings
from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers

from .languages import best_language, live_home_languages


def language_redirect(request):
    """Send ``/`` to the home page in the visitor's best language, else the fallback."""
    available = live_home_languages()
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen not in available:
        chosen = best_language(request.headers.get("Accept-Language", ""), available)
    if chosen is None:
        chosen = settings.SITE_FALLBACK_LANGUAGE
    response = redirect(f"/{chosen}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
