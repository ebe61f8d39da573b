from django import template

from cms.syndication.head import head_context

register = template.Library()


@register.inclusion_tag("syndication/head.html", takes_context=True)
def syndication_head(context):
    """Canonical link, description, Open Graph, JSON-LD, feed links, icons and manifest
    for the page (or view) being rendered."""
    request = context.get("request")
    if request is None:
        return {}
    return head_context(request, context.get("page"))
