"""Which languages the public site offers, and matching a visitor's Accept-Language."""

import re
from functools import cache

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.staticfiles import finders
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

# Letters every page in the language shows (its commonest words and the country's name).
# A page preloads the font files that draw them, and only those: the other subsets of its
# stylesheets load when the text needs them.
COMMON_TEXT = {
    "vi": "Việt Nam của những người được",
    "zh-hans": "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年越南",
    "ja": "のにはをたがでてとしれさいるかなあっす日本人ベトナム",
    "ko": "이다는의에가을를고하한지서그로기도것베트남",
    "lo": "ການແລະຂອງໃນທີ່ຫວຽດນາມ",
    "km": "និងការរបស់ក្នុងវៀតណាម",
    "ru": "и в не на что Вьетнам",
}
LATIN_TEXT = "the and of Vietnam"
PRELOAD_WEIGHT = "400"
PRELOAD_SHARE = 0.8  # stop adding files once they draw this share of the common letters
PRELOAD_MAX_FILES = 2  # per stylesheet

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


_FACE = re.compile(r"@font-face\s*{([^}]*)}")
_URL = re.compile(r"url\(\./([^)]+\.woff2)\)")
_WEIGHT = re.compile(r"font-weight:\s*(\d+)")
_RANGE = re.compile(r"unicode-range:\s*([^;]+);")


@cache
def _font_files(stylesheet: str) -> tuple[tuple[str, str, tuple[tuple[int, int], ...]], ...]:
    """(file, weight, unicode ranges) of each ``@font-face`` of a bundled stylesheet."""
    path = finders.find(stylesheet)
    if not path:
        return ()
    with open(path, encoding="utf-8") as css:
        faces = _FACE.findall(css.read())
    folder = stylesheet.rsplit("/", 1)[0]
    files = []
    for face in faces:
        url, weight, ranges = _URL.search(face), _WEIGHT.search(face), _RANGE.search(face)
        if not (url and weight and ranges):
            continue
        spans = []
        for part in ranges.group(1).split(","):
            first, _, last = part.strip().removeprefix("U+").removeprefix("u+").partition("-")
            spans.append((int(first, 16), int(last or first, 16)))
        files.append((f"{folder}/{url.group(1)}", weight.group(1), tuple(spans)))
    return tuple(files)


def _covering(stylesheet: str, text: str) -> list[str]:
    """The fewest regular-weight files of ``stylesheet`` that draw most of ``text``."""
    wanted = {ord(char) for char in text if not char.isspace()}
    files = [f for f in _font_files(stylesheet) if f[1] == PRELOAD_WEIGHT]
    enough = len(wanted) * (1 - PRELOAD_SHARE)
    chosen: list[str] = []
    while len(wanted) > enough and len(chosen) < PRELOAD_MAX_FILES:
        best, drawn = None, set()
        for name, _weight, spans in files:
            covered = {c for c in wanted if any(a <= c <= b for a, b in spans)}
            if len(covered) > len(drawn):
                best, drawn = name, covered
        if not best:
            break
        chosen.append(best)
        wanted -= drawn
    return chosen


@cache
def font_preloads(code: str) -> list[str]:
    """The font files (static paths) a page in ``code`` preloads: for each of its
    stylesheets, the regular-weight subsets that draw the language's commonest letters."""
    text = COMMON_TEXT.get(code, LATIN_TEXT)
    return [file for sheet in font_stylesheets(code) for file in _covering(sheet, text)]
