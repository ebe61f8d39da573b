from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Locale, Page

from cms.core import formats, page_cache
from cms.core.languages import font_preloads, font_stylesheets, language_name
from cms.core.pages import home_pages
from cms.text.html import rich_text_html

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per site language that has a live translation of ``page``.

    Without a page (a search or error view) each language links to its home page. Kept as
    a page-cache fragment: the translations that are live change only on publish.
    """
    request = context.get("request")
    if not isinstance(page, Page):
        page = None

    def links() -> list[dict]:
        return _language_links(request, page)

    if page is not None and (not page.pk or getattr(request, "is_preview", False)):
        return links()
    host = f"{request.scheme}://{request.get_host()}" if request else ""
    return page_cache.fragment(f"languages:{page.pk if page else '-'}:{host}", links)


def _language_links(request, page: Page | None) -> list[dict]:
    current = page.locale.language_code if page else None
    if page is not None:
        pages = page.get_translations(inclusive=True).live().public().select_related("locale")
    else:
        pages = home_pages().live().select_related("locale")
    by_language = {p.locale.language_code: p for p in pages}
    links = []
    for code, _name in settings.LANGUAGES:
        target = by_language.get(code)
        if target is None:
            continue
        url = target.get_url(request=request)
        links.append(
            {
                "code": code,
                "name": language_name(code),
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def site_navigation(context) -> dict:
    """The active language's home page URL and the sections in its menu, as
    ``{"home_url": ..., "sections": [(title, url), ...]}``; a page-cache fragment."""
    request = context.get("request")

    def navigation() -> dict:
        home = home_pages().filter(locale=Locale.get_active()).live().first()
        if home is None:
            return {"home_url": None, "sections": []}
        sections = home.get_children().live().in_menu()
        return {
            "home_url": home.get_url(request=request),
            "sections": [(section.title, section.get_url(request=request)) for section in sections],
        }

    host = request.get_host() if request else ""
    return page_cache.fragment(f"navigation:{get_language()}:{host}", navigation)


@register.filter
def safe_richtext(value):
    """Wagtail's ``richtext`` filter, then the project's rich-text allow-list."""
    from wagtail.templatetags.wagtailcore_tags import richtext

    return rich_text_html(richtext(value))


@register.simple_tag(takes_context=True)
def footer_links(context):
    """Links that apps put in every page's footer, in hook order.

    An app registers ``register_footer_links``: a function taking the request and returning
    ``(label, url)`` pairs for the active language (labels already translated).
    """
    request = context.get("request")

    def links() -> list[tuple[str, str]]:
        return [link for hook in hooks.get_hooks("register_footer_links") for link in hook(request)]

    host = request.get_host() if request else ""
    return page_cache.fragment(f"footer-links:{get_language()}:{host}", links)


@register.simple_tag
def page_font_stylesheets(language_code: str) -> list[str]:
    return font_stylesheets(language_code)


@register.simple_tag
def page_font_preloads(language_code: str) -> list[str]:
    return font_preloads(language_code)


@register.filter
def local_date(value, length="long"):
    """A date in the active language's CLDR format: ``{{ page.date_published|local_date }}``."""
    return formats.local_date(value, length)


@register.filter
def local_datetime(value, length="medium"):
    return formats.local_datetime(value, length)


@register.filter
def local_number(value):
    return formats.local_number(value)


@register.filter
def relative_time(value):
    return formats.relative_time(value)


@register.tag("page_fragment")
def page_fragment(parser, token):
    """``{% page_fragment "story-body" page %}...{% end_page_fragment %}``: the enclosed
    part of ``page``'s template, kept as a page-cache fragment (replaced on every publish
    and media change) per page, language and host. Only for parts that show nothing of
    the reader (no form token, no CSP nonce, nothing of a signed-in user); a preview and
    an unsaved page are always rendered."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and a page")
    nodelist = parser.parse(("end_page_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(
        parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), nodelist
    )


class PageFragmentNode(template.Node):
    def __init__(self, name, page, nodelist):
        self.name, self.page, self.nodelist = name, page, nodelist

    def render(self, context) -> str:
        page, request = self.page.resolve(context), context.get("request")
        if (
            request is None
            or not getattr(page, "pk", None)
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        where = f"{request.scheme}://{request.get_host()}"
        name = f"part:{self.name.resolve(context)}:{page.pk}:{get_language()}:{where}"
        return page_cache.fragment(name, lambda: self.nodelist.render(context))
