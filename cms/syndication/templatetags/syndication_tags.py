from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from cms.core import page_cache
from cms.syndication.head import head_context

register = template.Library()


@register.inclusion_tag("syndication/head.html", takes_context=True)
def syndication_head(context):
    """Canonical link, description, Open Graph, JSON-LD, feed links, icons and manifest
    for the page (or view) being rendered."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    if not isinstance(page, Page):
        return head_context(request, None)
    name = f"head:{page.pk}:{get_language()}:{request.build_absolute_uri()}"
    return page_cache.fragment(name, lambda: head_context(request, page))
