"""Settings of the demo loader, their defaults and environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``).
"""

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting(
        "DEMO_PROVINCE_EDITIONS",
        0,
        "province pages (in the provinces' order) translated into every language through "
        "review; the others in Vietnamese and English only; 0 for all 34",
    ),
)
get = SETTINGS.get
