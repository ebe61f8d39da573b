from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Feeds, sitemaps, robots.txt, the partner API and the page head's metadata."""

    name = "cms.syndication"
    label = "syndication"

    def ready(self):
        from django.db.models.signals import pre_delete
        from wagtail.signals import page_published, page_unpublished

        from .purge import purge_listings

        page_published.connect(purge_listings, dispatch_uid="syndication-purge-published")
        page_unpublished.connect(purge_listings, dispatch_uid="syndication-purge-unpublished")
        pre_delete.connect(purge_listings, dispatch_uid="syndication-purge-deleted")
