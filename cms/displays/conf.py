"""Settings of the displays app (see cms.core.conf)."""

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting(
        "DISPLAYS_REFRESH_SECONDS",
        300,
        "how often a border-gate kiosk downloads its bundle again, in seconds",
    ),
    Setting(
        "DISPLAYS_IMAGE_RENDITION",
        "fill-1600x900|format-jpeg",
        "Wagtail rendition of each image a kiosk shows",
    ),
    Setting(
        "DISPLAYS_MAX_COUNTS",
        500,
        "most item counts one kiosk heartbeat may carry (more is refused with 400)",
    ),
)
get = SETTINGS.get
