"""The site's content languages, in one place.

Adding a language is a settings change here (or ``EXTRA_LANGUAGES`` in the environment)
followed by ``python manage.py setup_locales``; no schema migration is needed.
"""

from django.conf.locale import LANG_INFO

# Django ships no Lao entry; without it /lo/ URLs and language names fail.
LANG_INFO.setdefault(
    "lo",
    {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"},
)

SOURCE_LANGUAGE = "vi"
FALLBACK_LANGUAGE = "en"

CONTENT_LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("lo", "ລາວ"),
    ("km", "ខ្មែរ"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
    ("ja", "日本語"),
    ("ko", "한국어"),
]


def parse_extra_languages(value: str) -> list[tuple[str, str]]:
    """Parse ``EXTRA_LANGUAGES`` such as ``"th:ไทย,rad:Ê Đê:vi"`` into (code, name) pairs.

    A third part names the language whose formats the new one borrows (Django's
    ``fallback``), e.g. Vietnamese dates for Ê Đê.
    """
    pairs = []
    for item in filter(None, (part.strip() for part in value.split(","))):
        code, _, rest = item.partition(":")
        name, _, fallback = rest.partition(":")
        code, name = code.strip().lower(), name.strip()
        if not code:
            continue
        info = {"bidi": False, "code": code, "name": name or code, "name_local": name or code}
        LANG_INFO.setdefault(code, info)
        if fallback.strip():
            LANG_INFO[code].setdefault("fallback", [fallback.strip().lower()])
        pairs.append((code, name or code))
    return pairs
