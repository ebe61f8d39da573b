"""A CDN's copies of the pages that list a page, purged when the page changes.

Wagtail's frontend cache (``WAGTAILFRONTENDCACHE``: Varnish, Cloudflare, ...) purges the
published page itself. Readers also see it on the pages that list it: its home and section
(the ancestors), its province's page, and its language's feeds, its section's and its
province's. Those are purged here on publish, unpublish and delete.
"""

from django.conf import settings
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from cms.provinces.models import ProvincePage

from .head import feed_links


def listing_urls(page: Page) -> set[str]:
    """Absolute URLs of the live pages and feeds that list ``page``."""
    page = page.specific
    site = page.get_site()
    if site is None:
        return set()
    batch = PurgeBatch()
    batch.add_pages(page.get_ancestors().live().filter(depth__gt=1).specific())
    province_id = getattr(page, "province_id", None)
    if province_id and not isinstance(page, ProvincePage):
        batch.add_pages(
            ProvincePage.objects.live().filter(province_id=province_id, locale_id=page.locale_id)
        )
    parent = page.get_parent().specific if page.depth > 2 else None
    with translation.override(page.locale.language_code):
        links = feed_links(page) + (feed_links(parent) if parent is not None else [])
    batch.add_urls(site.root_url + link["href"] for link in links)
    return batch.urls


def purge_listings(sender=None, instance=None, **kwargs) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or not isinstance(instance, Page):
        return
    urls = listing_urls(instance)
    if urls:
        PurgeBatch(urls).purge()
