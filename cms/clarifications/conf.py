"""Settings of the clarifications app, their defaults and environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``)."""

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting(
        "CLARIFICATIONS_PUBLISHER",
        "Vietnam",
        "organisation named as author and rights holder in the clarifications feeds",
    ),
    Setting("CLARIFICATIONS_FEED_SIZE", 30, "clarifications per RSS or Atom feed"),
    Setting("CLARIFICATIONS_DESK_DAYS", 30, "days of matched news the desk shows by default"),
    Setting("CLARIFICATIONS_DESK_LIMIT", 300, "matched items the desk lists at most"),
)
get = SETTINGS.get
