"""Settings of the aggregator, their defaults and environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``): a project
setting of the same name wins, then the environment variable, then the default here.
"""

from cms.core.conf import AppSettings, Setting, database_is_sqlite

SETTINGS = AppSettings(
    Setting(
        "AGGREGATOR_CONNECT_TIMEOUT", 5.0, "seconds to wait for a portal to accept the connection"
    ),
    Setting("AGGREGATOR_READ_TIMEOUT", 15.0, "seconds to wait for each read from a portal"),
    Setting(
        "AGGREGATOR_TOTAL_TIMEOUT", 60.0, "seconds one fetch may take in all, redirects included"
    ),
    Setting(
        "AGGREGATOR_MAX_BYTES",
        5 * 1024 * 1024,
        "largest response body read, in bytes",
        shown_default="`5242880` (5 MiB)",
    ),
    Setting("AGGREGATOR_MAX_REDIRECTS", 3, "redirects followed, each checked again", env=None),
    Setting("AGGREGATOR_HOST_DELAY", 2.0, "seconds between two requests to the same host"),
    Setting(
        "AGGREGATOR_CONCURRENCY",
        lambda: 1 if database_is_sqlite() else 8,
        "hosts fetched at the same time",
        shown_default="`8`; `1` on SQLite",
    ),
    Setting(
        "AGGREGATOR_BACKOFF_BASE",
        300,
        "seconds before the first retry of a failing source",
        env=None,
    ),
    Setting("AGGREGATOR_BACKOFF_CAP", 86400, "longest wait between retries, in seconds", env=None),
    Setting("AGGREGATOR_TICK", 60, "seconds between two rounds of the fetch schedule", env=None),
    Setting(
        "AGGREGATOR_ALLOWED_NETWORKS",
        [],
        "private networks that may be fetched anyway, e.g. `127.0.0.0/8` for local tests",
    ),
    Setting(
        "AGGREGATOR_TRANSLATE_TO",
        [],
        "languages headlines are machine-translated into (empty: every site language)",
    ),
)
get = SETTINGS.get
