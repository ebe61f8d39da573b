from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Feeds, sitemaps, robots.txt, the partner API and the page head's metadata."""

    name = "cms.syndication"
    label = "syndication"
