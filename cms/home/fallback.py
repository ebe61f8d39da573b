"""What a reader gets for a page that does not exist in the language they asked for.

``/ko/culture/hoi-an/`` answers 404 when the Korean tree has no such page. Before that 404
reaches the reader, the same path is looked up under every other language's home page
(translations start with the source's slugs). When it exists somewhere:

- its own translation in the requested language is live under another slug: a redirect
  there (old links and hand-edited URLs keep working);
- the language has a fallback (``TRANSLATION_FALLBACKS``, e.g. ``rad:vi``) with a live
  translation: that page, served whole in the fallback language (``lang`` attributes,
  canonical link and ``Content-Language`` are the fallback's) under a label in the
  requested language; status 200;
- otherwise a notice in the requested language with links to each language the page
  exists in; status 404, since the page is not here.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Page

from cms.core.languages import language_name
from cms.core.pages import home_pages

from . import conf


@dataclass(frozen=True)
class Fallback:
    requested: str  # the language asked for
    shown: str  # the language the page is shown in
    requested_name: str
    shown_name: str


def fallback_languages() -> dict[str, str]:
    pairs = (item.partition(":") for item in conf.get("TRANSLATION_FALLBACKS"))
    return {code.strip(): fallback.strip() for code, _sep, fallback in pairs if fallback}


def split_language(path: str) -> tuple[str, str] | None:
    """("ko", "culture/hoi-an/") for "/ko/culture/hoi-an/"; None outside language trees."""
    code, _sep, rest = path.lstrip("/").partition("/")
    if code not in dict(settings.LANGUAGES) or not rest:
        return None
    return code, rest


def translations_of_path(code: str, rest: str) -> list[Page]:
    """Live, public translations of the page at ``rest`` in any other language's tree."""
    homes = home_pages().exclude(locale__language_code=code).only("url_path")
    candidates = [home.url_path + rest for home in homes]
    found = Page.objects.live().public().filter(url_path__in=candidates).first()
    if found is None:
        return []
    return list(
        Page.objects.live()
        .public()
        .filter(translation_key=found.translation_key)
        .select_related("locale")
    )


def missing_translation_response(request: HttpRequest) -> HttpResponse | None:
    located = split_language(request.path_info)
    if located is None:
        return None
    code, rest = located
    pages = translations_of_path(code, rest)
    if not pages:
        return None
    by_language = {page.locale.language_code: page for page in pages}
    if code in by_language:
        url = by_language[code].get_url(request=request)
        # The page is there and still answered 404 (a language Django cannot serve): no loop.
        return None if url == request.path else redirect(url)
    fallback = fallback_languages().get(code)
    if fallback in by_language:
        return serve_in_fallback(request, by_language[fallback].specific, code, fallback)
    ordered = [
        (lang, by_language[lang]) for lang, _name in settings.LANGUAGES if lang in by_language
    ]
    links = [
        {"code": lang, "name": language_name(lang), "url": page.get_url(request=request)}
        for lang, page in ordered
    ]
    response = TemplateResponse(
        request,
        "home/missing_translation.html",
        {"title": ordered[0][1].title, "language_name": language_name(code), "links": links},
        status=404,
    )
    return response.render()


def serve_in_fallback(request: HttpRequest, page: Page, code: str, fallback: str) -> HttpResponse:
    request.translation_fallback = Fallback(
        code, fallback, language_name(code), language_name(fallback)
    )
    with translation.override(fallback):
        request.LANGUAGE_CODE = fallback
        response = page.serve(request)
        if hasattr(response, "render"):
            response.render()
    response["Content-Language"] = fallback
    response["Content-Location"] = page.get_url(request=request)
    return response


class TranslationFallbackMiddleware:
    """Turns a 404 inside a language tree into a redirect, a labelled fallback or a notice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return missing_translation_response(request) or response
