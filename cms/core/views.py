from django.conf import settings
from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers

from .languages import best_language, content_languages, live_home_languages


def language_redirect(request):
    """Send ``/`` to the home page in the visitor's best language that has content, else the
    fallback; a site with no content yet uses every live home page."""
    available = content_languages() or live_home_languages()
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen not in available:
        chosen = best_language(request.headers.get("Accept-Language", ""), available)
    if chosen is None:
        fallback = settings.SITE_FALLBACK_LANGUAGE
        chosen = fallback if fallback in available or not available else available[0]
    response = redirect(f"/{chosen}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
