"""Settings of the home app (language editions), their defaults and environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``).
"""

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting(
        "TRANSLATION_FALLBACKS",
        [],
        "`code:fallback` pairs (e.g. `rad:vi`): a page missing in `code` is shown in `fallback` "
        "with a label instead of a notice linking to the languages it exists in",
    ),
)
get = SETTINGS.get
