"""Settings of the measurement dashboard and the page-view counter.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``).
"""

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting(
        "MEASUREMENT_COUNT_PAGE_VIEWS",
        True,
        "count public page views per day, language, path and referring host",
    ),
    Setting(
        "MEASUREMENT_FLUSH_VIEWS",
        50,
        "page views a process keeps in memory before writing them in one statement",
    ),
    Setting(
        "MEASUREMENT_FLUSH_SECONDS",
        30,
        "seconds after which the next counted view writes those kept in memory",
    ),
    Setting(
        "MEASUREMENT_BOT_PATTERN",
        r"bot|crawl|spider|slurp|fetch|scrape|preview|monitor|curl|wget|python|httpx|"
        r"go-http|java/|okhttp|headless|lighthouse|facebookexternalhit",
        "user agents matching this regular expression (case-insensitive) are not counted",
        env=None,
    ),
    Setting(
        "MEASUREMENT_SKIP_PREFIXES",
        ["/admin/", "/django-admin/", "/static/", "/media/", "/documents/", "/displays/"],
        "paths starting with one of these are never counted",
        env=None,
    ),
    Setting("MEASUREMENT_DEFAULT_MONTHS", 12, "months the dashboard shows by default", env=None),
    Setting("MEASUREMENT_MAX_MONTHS", 60, "longest period the dashboard accepts", env=None),
    Setting("MEASUREMENT_TOP_ROWS", 10, "rows in the top pages and referrers lists", env=None),
)
get = SETTINGS.get
