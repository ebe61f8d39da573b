"""Settings of the newsletters, their defaults and environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``).
"""

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting("NEWSLETTER_DIGEST_SIZE", 10, "stories in one digest at most"),
    Setting(
        "NEWSLETTER_INTERVAL",
        7 * 24 * 3600,
        "seconds between two digests of the weekly schedule",
        shown_default="`604800` (a week)",
    ),
    Setting("NEWSLETTER_BATCH_SIZE", 50, "messages sent over one SMTP connection"),
    Setting("NEWSLETTER_BATCH_PAUSE", 2.0, "seconds to wait between two batches"),
    Setting("NEWSLETTER_MAX_ATTEMPTS", 5, "attempts at one recipient before giving up"),
    Setting(
        "NEWSLETTER_RETRY_BASE",
        600,
        "seconds before the first retry of a refused recipient (doubles each time)",
    ),
    Setting("NEWSLETTER_RETRY_CAP", 6 * 3600, "longest wait between two retries, in seconds"),
    Setting(
        "NEWSLETTER_CONFIRM_MAX_AGE",
        3 * 24 * 3600,
        "seconds a confirmation link stays valid",
        shown_default="`259200` (three days)",
    ),
    Setting(
        "NEWSLETTER_SUBSCRIBE_PER_IP",
        10,
        "subscription requests one address (IP) may make per hour",
    ),
    Setting(
        "NEWSLETTER_CONFIRMATIONS_PER_EMAIL",
        3,
        "confirmation mails one e-mail address may receive per day, all languages together",
    ),
    Setting("NEWSLETTER_FROM_EMAIL", "", "sender of the newsletter (empty: `DEFAULT_FROM_EMAIL`)"),
    Setting(
        "NEWSLETTER_UNSUBSCRIBE_MAILTO",
        "",
        "mailbox named in `List-Unsubscribe` as the mailto: way out (empty: the sender)",
    ),
    Setting(
        "NEWSLETTER_BASE_URL",
        "",
        "site address in links of the mails (empty: `WAGTAILADMIN_BASE_URL`)",
    ),
)
get = SETTINGS.get
