from django import template

from cms.text.html import has_foreign_markup, segment_html

register = template.Library()


@register.filter(name="segment_html")
def segment_html_filter(value):
    """Render a segment's inline markup through the project's allow-list."""
    return segment_html(value)


@register.filter(name="has_foreign_markup")
def has_foreign_markup_filter(value) -> bool:
    return has_foreign_markup(value)
