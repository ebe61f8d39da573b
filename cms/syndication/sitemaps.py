"""One sitemap per language (every live, public page of its tree), each URL with an
``<xhtml:link rel="alternate" hreflang=...>`` per live translation and an ``x-default``
(English, else Vietnamese: see ``head.x_default``). /sitemap.xml indexes them.

Built on django.contrib.sitemaps; locations come from the request's host, as the page's
canonical link does.
"""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from cms.core.languages import live_home_languages

from . import content
from .head import hreflang, x_default


class LanguageSitemap(Sitemap):
    limit = 5000

    def __init__(self, language: str, request):
        self.language = language
        self.request = request

    def items(self):
        locale = Locale.objects.get(language_code=self.language)
        return (
            Page.objects.live()
            .public()
            .filter(locale=locale, depth__gt=1)
            .order_by("path")
            .defer_streamfields()
        )

    def location(self, page: Page) -> str:
        return page.get_url(request=self.request)

    def lastmod(self, page: Page):
        return page.last_published_at or page.latest_revision_created_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        translations = self._translations([url["item"] for url in urls])
        for url in urls:
            by_language = translations.get(url["item"].translation_key, {})
            url["alternates"] = [
                {"lang_code": hreflang(code), "location": location}
                for code, location in by_language.items()
            ]
            if default := x_default(by_language):
                url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls

    def _translations(self, pages: list[Page]) -> dict:
        """translation_key → {language: absolute URL} of live, public pages; one query."""
        others = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={page.translation_key for page in pages})
            .select_related("locale")
            .defer_streamfields()
        )
        found: dict = {}
        for other in others:
            url = content.absolute(self.request, other.get_url(request=self.request))
            found.setdefault(other.translation_key, {})[other.locale.language_code] = url
        return found


def language_sitemaps(request) -> dict[str, LanguageSitemap]:
    """A sitemap per language whose home page is live, keyed by language code."""
    return {code: LanguageSitemap(code, request) for code in live_home_languages()}
