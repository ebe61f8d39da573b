"""Each translation gets a slug of its own, made from its approved title in its language.

A new translation starts with the source page's slug (wagtail-localize copies it). When a
reviewer approves a translation and it is published, a slug that still equals the source
page's slug, or that a machine made from the title, is replaced by a readable slug of the
approved title (``/en/culture/terraced-fields-of-mu-cang-chai/`` rather than the
Vietnamese ``rung-bac-thang-mu-cang-chai``). A slug a person chose is kept.

Renaming a live page leaves a redirect from its old URL (and its descendants' old URLs):
Wagtail's redirects app creates it on ``page_slug_changed`` when
``WAGTAILREDIRECTS_AUTO_CREATE`` is on (its default); when that is off, this module creates
it itself, since a link to the old URL must keep working.

The slug is no longer synchronised from the source (:class:`OwnSlug`), so syncing or
approving a later version keeps the translation's slug.
"""

import logging

from django.db import transaction
from django.dispatch import receiver
from wagtail.models import Locale, Page, Revision, Site
from wagtail.signals import page_published
from wagtail_localize.fields import BaseTranslatableField

from cms.core.slugs import readable_slug
from cms.text.slugs import is_generated_slug

from . import conf

logger = logging.getLogger(__name__)


class OwnSlug(BaseTranslatableField):
    """The slug field of a translatable page: neither sent for translation (MT would
    translate a URL) nor copied from the source on sync (each language keeps its own)."""


def _approved(page: Page) -> bool:
    from .models import TranslationReview
    from .models.workflow import ReviewState

    return TranslationReview.objects.filter(
        translation__source__object_id=page.translation_key,
        translation__target_locale_id=page.locale_id,
        state=ReviewState.APPROVED,
    ).exists()


def wants_own_slug(page: Page) -> bool:
    """A published, approved translation whose slug is the source's or machine-made."""
    source_locale = Locale.get_default()
    if page.depth <= 2 or page.locale_id == source_locale.pk or not _approved(page):
        return False
    source = page.get_translations().filter(locale=source_locale).first()
    if source is not None and page.slug == source.slug:
        return True
    return is_generated_slug(page.slug, page.title, page.locale.language_code)


def _update_revisions(page: Page, old_slug: str) -> None:
    """Keep the live and latest revisions in step, or the next publication would bring the
    old slug back."""
    ids = {page.live_revision_id, page.latest_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=ids):
        if revision.content.get("slug") == old_slug:
            revision.content["slug"] = page.slug
            revision.content["url_path"] = page.url_path
            revision.save(update_fields=["content"])


def rename(page: Page, slug: str) -> Page:
    """Give a live page a new slug; its old URL and its descendants' redirect to them."""
    page = page.specific_class.objects.get(pk=page.pk)
    before = page.specific_class.objects.get(pk=page.pk)
    page.slug = slug
    page.save(clean=False, update_fields=["slug", "url_path"])
    _update_revisions(page, before.slug)
    if not conf.get("WAGTAILREDIRECTS_AUTO_CREATE"):
        from wagtail.contrib.redirects.signal_handlers import create_redirects

        sites = Site.objects.exclude(root_page=page)
        transaction.on_commit(lambda: create_redirects(page=page, page_old=before, sites=sites))
    logger.info("Renamed %s: %s -> %s", page.pk, before.url_path, page.url_path)
    return page


@receiver(page_published)
def own_slug_on_approval(sender, instance: Page, **kwargs) -> None:
    if not wants_own_slug(instance):
        return
    slug = readable_slug(instance)
    if slug == instance.slug:
        return
    renamed = rename(instance, slug)
    instance.slug, instance.url_path = renamed.slug, renamed.url_path
