"""Which languages the public site offers, and matching a visitor's Accept-Language."""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation.trans_real import parse_accept_lang_header

from .pages import HOME_DEPTH, home_pages

# The script font of each language that needs one beyond Noto Sans (Latin, Vietnamese,
# Cyrillic): (family, stylesheet under static/). Pages load fonts/latin.css and the
# stylesheet of their own language only; scripts/build_fonts.py writes them.
SCRIPT_FONTS = {
    "lo": ("Noto Sans Lao", "fonts/lao.css"),
    "km": ("Noto Sans Khmer", "fonts/khmer.css"),
    "zh-hans": ("Noto Sans SC", "fonts/sc.css"),
    "ja": ("Noto Sans JP", "fonts/jp.css"),
    "ko": ("Noto Sans KR", "fonts/kr.css"),
}
BASE_FONT = ("Noto Sans", "fonts/latin.css")

# Browsers send region codes that Django's language list spells differently.
ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-my": "zh-hans"}


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code) or LANG_INFO.get(code, {}).get("name_local", code)


def live_home_languages() -> list[str]:
    """Language codes whose home page is live, in the order of settings.LANGUAGES."""
    live = set(home_pages().live().values_list("locale__language_code", flat=True))
    return [code for code, _name in settings.LANGUAGES if code in live]


def content_languages() -> list[str]:
    """Languages whose live home page has at least one live, public page below it.

    ``/`` sends visitors only to these, so nobody lands on an empty edition.
    """
    from wagtail.models import Page

    homes = live_home_languages()
    with_pages = set(
        Page.objects.live()
        .public()
        .filter(depth__gt=HOME_DEPTH)
        .values_list("locale__language_code", flat=True)
        .distinct()
    )
    return [code for code in homes if code in with_pages]


def _candidates(code: str, available: list[str]):
    code = code.lower()
    yield ALIASES.get(code, code)
    yield from LANG_INFO.get(code, {}).get("fallback", [])
    generic = code.split("-")[0]
    yield ALIASES.get(generic, generic)
    yield from (lang for lang in available if lang.startswith(generic + "-"))


def best_language(accept_language: str, available: list[str]) -> str | None:
    """The first language the visitor accepts that the site has, honouring q-values."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        if code == "*":
            continue
        for candidate in _candidates(code, available):
            if candidate in available:
                return candidate
    return None


def font_families(code: str) -> list[str]:
    """The bundled font families that render ``code``, its script's first."""
    script = SCRIPT_FONTS.get(code)
    return [script[0], BASE_FONT[0]] if script else [BASE_FONT[0]]


def font_stylesheets(code: str) -> list[str]:
    """The font stylesheets a page in ``code`` loads (static paths), Latin first."""
    script = SCRIPT_FONTS.get(code)
    return [BASE_FONT[1], script[1]] if script else [BASE_FONT[1]]
