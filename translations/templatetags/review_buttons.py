from django import template
from wagtail.admin.widgets.button import HeaderButton

from translations.admin_hooks import send_for_review_buttons

register = template.Library()


@register.simple_tag
def review_buttons(page, user) -> list:
    """Header buttons for wagtail-localize's editor, which renders no page header hooks."""
    return send_for_review_buttons(page, user, HeaderButton)
