from datetime import timedelta

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def minutes(value: timedelta | None) -> str:
    """A cool-off period as a readable number of minutes."""
    if not value:
        return ""
    count = max(1, round(value.total_seconds() / 60))
    return ngettext("%(count)d minute", "%(count)d minutes", count) % {"count": count}
