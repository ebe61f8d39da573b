"""Readable slugs for pages saved without one a person chose.

Wagtail fills a blank slug with Django's ASCII ``slugify``, which drops đ ("Đà Nẵng" ->
``a-nang``). Before a new page is written, a blank or machine-made slug is replaced by
:func:`cms.text.slugs.slugify_title` of its title in the page's language, made unique among
its siblings (``-2``, ``-3``). Existing pages are left alone here: renaming a live page
is done where a redirect is also left (``translations.slugs``).
"""

import re

from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.models import Page

from cms.text.slugs import is_generated_slug, slugify_title


def available_slug(parent: Page | None, base: str, page: Page | None = None) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever no sibling of ``page`` uses."""
    if parent is None:
        return base
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def page_language(page: Page, parent: Page | None = None) -> str:
    if page.locale_id:
        return page.locale.language_code
    return parent.locale.language_code if parent is not None else ""


def readable_slug(page: Page, parent: Page | None = None) -> str:
    """The slug ``page`` should have from its title, unique under ``parent``."""
    parent = parent if parent is not None else page.get_parent()
    return available_slug(parent, slugify_title(page.title, page_language(page, parent)), page)


@receiver(pre_save)
def readable_slug_for_new_page(sender, instance, raw=False, **kwargs) -> None:
    """Before a new page is written (``url_path`` is recomputed to match). A slug that is
    already this page's readable slug, with or without a ``-2`` suffix, is kept."""
    if raw or not isinstance(instance, Page) or instance.pk or instance.depth <= 1:
        return
    parent = instance.get_parent()
    language = page_language(instance, parent)
    base = slugify_title(instance.title, language)
    if re.fullmatch(rf"{re.escape(base)}(-\d+)?", instance.slug or ""):
        return
    if not is_generated_slug(instance.slug, instance.title, language):
        return
    instance.slug = available_slug(parent, base, instance)
    instance.set_url_path(parent)
