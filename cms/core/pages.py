"""Helpers shared by the page types."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _


def paginate(request, queryset, per_page: int = 12):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def validate_unique_in_locale(page, queryset, message=None) -> None:
    """Raise if another page of ``queryset`` exists in ``page``'s locale."""
    others = queryset.filter(locale_id=page.locale_id)
    if page.pk:
        others = others.exclude(pk=page.pk)
    if page.locale_id and others.exists():
        raise ValidationError(message or _("Only one such page may exist per language."))
