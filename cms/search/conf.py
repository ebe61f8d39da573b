"""Settings of search, their defaults and environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``): a project
setting of the same name wins, then the environment variable, then the default here.
"""

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting(
        "SEARCH_BACKEND",
        "database",
        "`database` (Wagtail's tables, segmented text) or `elasticsearch`",
    ),
    Setting("ELASTICSEARCH_URL", "", "the Elasticsearch cluster, e.g. `http://127.0.0.1:9200`"),
    Setting("ELASTICSEARCH_INDEX_PREFIX", "vnip", "prefix of the index and alias names"),
)
get = SETTINGS.get
