"""Settings of the syndication app, each with a default read from the environment.

A project setting of the same name wins over the environment."""

import os

from django.conf import settings

DEFAULTS = {
    # Licence of the site's own stories, galleries and pages, named in feeds and the API.
    "SYNDICATION_LICENCE": ("SYNDICATION_LICENCE", "CC BY 4.0"),
    "SYNDICATION_LICENCE_URL": (
        "SYNDICATION_LICENCE_URL",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    # Publisher named as author, copyright holder and JSON-LD organisation.
    "SYNDICATION_PUBLISHER": ("SYNDICATION_PUBLISHER", "Vietnam"),
    # Items per feed.
    "SYNDICATION_FEED_SIZE": ("SYNDICATION_FEED_SIZE", 30),
    # Colour of the browser's toolbar (web app manifest, theme-color).
    "SYNDICATION_THEME_COLOR": ("SYNDICATION_THEME_COLOR", "#da251d"),
}


def get(name: str):
    environ_name, default = DEFAULTS[name]
    if hasattr(settings, name):
        return getattr(settings, name)
    raw = os.environ.get(environ_name)
    if raw in (None, ""):
        return default
    return type(default)(raw)
