"""Settings of the social channels, their defaults and environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``).
"""

from pathlib import Path

from cms.core.conf import AppSettings, Setting

NOTO = "truetype/noto"
CJK = "opentype/noto/NotoSansCJK-Bold.ttc"

SETTINGS = AppSettings(
    Setting(
        "SOCIAL_FONT_DIR",
        Path("/usr/share/fonts"),
        "folder the share-image fonts are found in (Debian: `fonts-noto-core fonts-noto-cjk`)",
    ),
    Setting(
        "SOCIAL_FONTS",
        {
            "default": [f"{NOTO}/NotoSans-Bold.ttf"],
            "lao": [f"{NOTO}/NotoSansLao-Bold.ttf", f"{NOTO}/NotoSans-Bold.ttf"],
            "khmer": [f"{NOTO}/NotoSansKhmer-Bold.ttf", f"{NOTO}/NotoSans-Bold.ttf"],
            "hans": [f"{CJK}#2", f"{NOTO}/NotoSans-Bold.ttf"],
            "japanese": [f"{CJK}#0", f"{NOTO}/NotoSans-Bold.ttf"],
            "korean": [f"{CJK}#1", f"{NOTO}/NotoSans-Bold.ttf"],
        },
        "font files per script for share images, first with the glyph wins "
        "(relative to `SOCIAL_FONT_DIR`; `#n` picks a face of a collection)",
        env=None,
        shown_default="Noto Sans, Noto Sans Lao/Khmer, Noto Sans CJK (bold)",
    ),
    Setting("SOCIAL_SHARE_ON_PUBLISH", True, "draw a story's share image when it is published"),
    Setting("SOCIAL_BRAND_COLOUR", "#b3141b", "background of share images without a photo"),
    Setting("SOCIAL_TELEGRAM_API", "https://api.telegram.org", "Telegram Bot API base URL"),
    Setting(
        "SOCIAL_MASTODON_API",
        "",
        "Mastodon instance URL used when a channel names none, e.g. `https://mastodon.social`",
    ),
    Setting(
        "SOCIAL_FACEBOOK_API", "https://graph.facebook.com/v21.0", "Facebook Graph API base URL"
    ),
    Setting("SOCIAL_TIMEOUT", 20.0, "seconds one request to a platform may take"),
    Setting("SOCIAL_MAX_ATTEMPTS", 5, "attempts to send a post before it is marked failed"),
    Setting("SOCIAL_BACKOFF_BASE", 30.0, "seconds before the first retry of a post", env=None),
    Setting("SOCIAL_BACKOFF_CAP", 3600.0, "longest wait between two attempts, in seconds"),
)
get = SETTINGS.get
