"""Helpers shared by the page types."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.query import PageQuerySet

from .params import PageParams

HOME_DEPTH = 2


def home_pages() -> PageQuerySet:
    """Each language's home page: the pages right under Wagtail's root.

    Core sits below the page types, so it finds home pages by their place in the tree
    (only ``HomePage`` may be created there) rather than by importing ``cms.home``.
    """
    return Page.objects.filter(depth=HOME_DEPTH)


def paginate(request, queryset, per_page: int = 12):
    """The requested page of ``queryset``: the first when ``page`` is unusable, the last
    when it is past the end (the page's ``serve`` refuses a malformed one, see params)."""
    number = PageParams(request.GET).usable().get("page")
    return Paginator(queryset, per_page).get_page(number)


def validate_unique_in_locale(page, queryset, message=None) -> None:
    """Raise if another page of ``queryset`` exists in ``page``'s locale."""
    others = queryset.filter(locale_id=page.locale_id)
    if page.pk:
        others = others.exclude(pk=page.pk)
    if page.locale_id and others.exists():
        raise ValidationError(message or _("Only one such page may exist per language."))
