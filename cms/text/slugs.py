"""Readable URL slugs made from a page title, per language and script.

What a reader sees in the address bar, by script:

- **Latin** (Vietnamese, French, Spanish, ...): ASCII with every letter kept. The title is
  decomposed (NFD) and the tone marks and vowel modifiers of Latin letters are removed,
  never the letters: "Rừng bậc thang Mù Cang Chải" -> ``rung-bac-thang-mu-cang-chai``;
  đ/Đ -> d, and ICU's Latin-ASCII folds the rest (ø, æ, ß).
- **Cyrillic** (Russian): transliterated with ICU's BGN/PCGN rules, the system Russian
  readers know from passports and signs ("Экспорт кофе" -> ``eksport-kofe``).
- **Chinese, Japanese, Korean**: Unicode slugs (``越南咖啡出口``). Browsers show them as
  written, search engines read them, and Wagtail's and Django's slug validators accept
  them. Transliteration would not serve these readers: ICU's Han-Latin reads Japanese kanji
  with Mandarin sounds, toneless pinyin is ambiguous, and ICU's Hangul-Latin is not the
  Revised Romanization Koreans see on signs. They are cut shorter (40 characters) since one
  character carries a word's meaning and a percent-encoded link spends 9 bytes on it.
- **Lao, Khmer**: romanized to ASCII. A Unicode slug cannot keep them intact: Django's and
  Wagtail's slug validators and slugify functions (``\\w``) drop the combining vowel signs
  and subscript consonants of these scripts, leaving misspelt words - the same mangling as
  the Vietnamese bug this module fixes. ICU ships no Lao or Khmer transliterator, so a
  compact table here gives a simplified BGN/PCGN (Lao) and UNGEGN (Khmer) reading: Lao
  vowels written before their consonant are read after it, a silent ຫ before a sonorant is
  dropped, tone marks are dropped ("ວຽງຈັນ" -> ``viangchan``, "វៀតណាម" -> ``vietnam``).
- Anything else goes through ICU's Any-Latin; Latin-ASCII.

Slugs are cut at a word boundary near 80 characters; an empty result becomes ``page``.
The admin's slug field applies the same tables in the browser (``client_rules``).
"""

import re
import unicodedata
from functools import cache

import icu
from django.utils.text import slugify as django_slugify

MAX_LENGTH = 80
UNICODE_MAX_LENGTH = 40
FALLBACK = "page"
UNICODE_LANGUAGES = frozenset({"zh", "ja", "ko"})

# Latin letters that carry no combining mark to remove (ICU's Latin-ASCII covers more;
# these are the ones the admin's browser-side folding needs too).
LATIN_LETTERS = {
    "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i",
}  # fmt: skip

# Apostrophes and primes join a word rather than split it ("d'Ha Long", BGN's ь -> ').
JOINERS = "'’ʼʹʺ\"`´"

LAO_RULES = [
    # Tone marks do not change the letters.
    ("[່້໊໋໌]", ""),
    # ຫ before a sonorant only marks the tone: ຫວຽດ -> ວຽດ, ຫຼວງ -> ຼວງ.
    ("ຫ(?=[ງຍນມລວຣຼ])", ""),
    # Vowels written before the consonant are read after it: ເສດ -> ສເດ.
    ("([ເແໂໃໄ])(ຫ?[ກ-ຮໜໝ]ຼ?)", r"\2\1"),
    # Vowels written around the consonant, once it stands first.
    # ອ carrying a vowel is silent: ອ່າວ -> າວ, ອອກ -> ອກ.
    ("ອ(?=[ະັາິີຶືຸູົຽໍເແໂໃໄອ])", ""),
    ("ເືອ", "uea"),
    ("ເີ", "oe"),
    ("ເົາ", "ao"),
    ("[ົັ]ວ", "ua"),
    # ວ between consonants is the vowel ua; after a vowel, unless one follows, the glide o:
    # ຫຼວງ, ລາວ, but ກາເຟວຽດ.
    ("(?<=[ກ-ຮຼ])ວ(?=[ກ-ຮ])", "ua"),
    ("(?<=[ະັາິີຶືຸູົຽເແໂ])ວ(?![ະັາິີຶືຸູົຽໍ])", "o"),
]
LAO_LETTERS = {
    "ກ": "k", "ຂ": "kh", "ຄ": "kh", "ງ": "ng", "ຈ": "ch", "ສ": "s", "ຊ": "s", "ຍ": "ny",
    "ດ": "d", "ຕ": "t", "ຖ": "th", "ທ": "th", "ນ": "n", "ບ": "b", "ປ": "p", "ຜ": "ph",
    "ຝ": "f", "ພ": "ph", "ຟ": "f", "ມ": "m", "ຢ": "y", "ຣ": "r", "ລ": "l", "ວ": "v",
    "ຫ": "h", "ອ": "o", "ຮ": "h", "ໜ": "n", "ໝ": "m", "ຼ": "l",
    "ະ": "a", "ັ": "a", "າ": "a", "ຳ": "am", "ິ": "i", "ີ": "i", "ຶ": "ue", "ື": "ue",
    "ຸ": "u", "ູ": "u", "ົ": "o", "ຽ": "ia", "ເ": "e", "ແ": "ae", "ໂ": "o", "ໃ": "ai",
    "ໄ": "ai", "ໍ": "o", "່": "", "້": "", "໊": "", "໋": "", "໌": "", "ໆ": "", "ຯ": "",
    "໐": "0", "໑": "1", "໒": "2", "໓": "3", "໔": "4", "໕": "5", "໖": "6", "໗": "7",
    "໘": "8", "໙": "9",
}  # fmt: skip
KHMER_LETTERS = {
    "ក": "k", "ខ": "kh", "គ": "k", "ឃ": "kh", "ង": "ng", "ច": "ch", "ឆ": "chh", "ជ": "ch",
    "ឈ": "chh", "ញ": "nh", "ដ": "d", "ឋ": "th", "ឌ": "d", "ឍ": "th", "ណ": "n", "ត": "t",
    "ថ": "th", "ទ": "t", "ធ": "th", "ន": "n", "ប": "b", "ផ": "ph", "ព": "p", "ភ": "ph",
    "ម": "m", "យ": "y", "រ": "r", "ល": "l", "វ": "v", "ឝ": "s", "ឞ": "s", "ស": "s",
    "ហ": "h", "ឡ": "l", "អ": "a",
    "ឥ": "e", "ឦ": "ei", "ឧ": "o", "ឩ": "ou", "ឪ": "au", "ឫ": "rue", "ឬ": "rueu",
    "ឭ": "lue", "ឮ": "lueu", "ឯ": "ae", "ឰ": "ai", "ឱ": "ao", "ឲ": "ao", "ឳ": "au",
    "ា": "a", "ិ": "e", "ី": "ei", "ឹ": "oe", "ឺ": "eu", "ុ": "o", "ូ": "ou", "ួ": "uo",
    "ើ": "aeu", "ឿ": "oea", "ៀ": "ie", "េ": "e", "ែ": "ae", "ៃ": "ai", "ោ": "ao",
    "ៅ": "au", "ំ": "m", "ះ": "h", "ៈ": "", "់": "", "៉": "", "៊": "", "័": "", "៏": "",
    "៌": "", "៍": "", "៎": "", "្": "", "ៗ": "", "។": " ", "៕": " ",
    "០": "0", "១": "1", "២": "2", "៣": "3", "៤": "4", "៥": "5", "៦": "6", "៧": "7",
    "៨": "8", "៩": "9",
}  # fmt: skip
_SUFFIX = re.compile(r"-\d+$")


def base_language(language: str) -> str:
    return (language or "").lower().replace("_", "-").split("-")[0]


def uses_unicode_slugs(language: str) -> bool:
    return base_language(language) in UNICODE_LANGUAGES


def _is_latin(char: str) -> bool:
    return char.isalpha() and (ord(char) < 0x250 or 0x1E00 <= ord(char) <= 0x1EFF)


def fold_latin(text: str) -> str:
    """Remove the marks of Latin letters (Vietnamese tones and vowel modifiers, French and
    Spanish accents), keeping the letters; other scripts' marks are left alone."""
    kept, after_latin = [], False
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if not after_latin:
                kept.append(char)
            continue
        after_latin = _is_latin(char)
        kept.append(LATIN_LETTERS.get(char, char))
    return unicodedata.normalize("NFC", "".join(kept))


def romanize_lao(text: str) -> str:
    for pattern, replacement in LAO_RULES:
        text = re.sub(pattern, replacement, text)
    return "".join(LAO_LETTERS.get(char, char) for char in text)


def romanize_khmer(text: str) -> str:
    return "".join(KHMER_LETTERS.get(char, char) for char in text)


@cache
def _transliterator(rules: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(rules)


def _to_latin(text: str, language: str) -> str:
    if base_language(language) == "ru":
        text = _transliterator("Russian-Latin/BGN").transliterate(text)
    return _transliterator("Any-Latin; Latin-ASCII").transliterate(text)


def _hyphenate(text: str, word: str) -> str:
    text = re.sub(f"[{re.escape(JOINERS)}]", "", text.lower())
    return "-".join(re.findall(word, text))


def _cut(slug: str, limit: int, language: str) -> str:
    if len(slug) <= limit:
        return slug
    head = slug[: limit + 1]
    if "-" in head:
        return head.rsplit("-", 1)[0].strip("-")
    breaker = icu.BreakIterator.createWordInstance(icu.Locale(language or "root"))
    breaker.setText(slug)
    encoded = slug.encode("utf-16-le")
    best = 0
    for boundary in breaker:  # UTF-16 offsets
        if len(encoded[: boundary * 2].decode("utf-16-le")) > limit:
            break
        best = boundary
    return encoded[: best * 2].decode("utf-16-le") or slug[:limit]


def slugify_title(title: str, language: str) -> str:
    """A readable slug for a page titled ``title`` in ``language`` (see the module doc)."""
    text = fold_latin(unicodedata.normalize("NFKC", title or ""))
    if uses_unicode_slugs(language):
        slug = _hyphenate(text, r"[^\W_]+")
        limit = UNICODE_MAX_LENGTH
    else:
        text = romanize_khmer(romanize_lao(text))
        slug = _hyphenate(_to_latin(text, language), r"[a-z0-9]+")
        limit = MAX_LENGTH
    return _cut(slug, limit, language) or FALLBACK


def _dropped_letters(slug: str, full: str) -> bool:
    """True when ``slug`` is ``full`` with letters left out inside its words, as browser
    and Django slugify functions do to Vietnamese (``rung-bc-thang`` for ``rung-bac-thang``,
    ``a-nang`` for ``da-nang``)."""
    words, full_words = slug.split("-"), full.split("-")
    if len(words) != len(full_words):
        return False
    for word, full_word in zip(words, full_words, strict=True):
        letters = iter(full_word)
        if not all(letter in letters for letter in word):
            return False
    return True


def is_generated_slug(slug: str, title: str, language: str) -> bool:
    """True when ``slug`` (less a ``-2``-style suffix) was made by a machine from ``title``:
    this module's slug, Django's slugify, or a slugify that dropped letters. Such a slug may
    be replaced; any other was chosen by a person and is kept."""
    if not slug:
        return True
    made = slugify_title(title, language)
    for candidate in {slug, _SUFFIX.sub("", slug)}:
        if candidate == django_slugify(title or "") or _dropped_letters(candidate, made):
            return True
    return False


def client_rules() -> dict:
    """The tables the admin's slug field applies in the browser before Wagtail's urlify."""
    cyrillic = [chr(code) for code in range(0x0410, 0x0450)] + ["Ё", "ё"]
    to_latin = _transliterator("Russian-Latin/BGN; Latin-ASCII")
    return {
        "unicodeLanguages": sorted(UNICODE_LANGUAGES),
        "maxLength": MAX_LENGTH,
        "unicodeMaxLength": UNICODE_MAX_LENGTH,
        "joiners": JOINERS,
        "latin": LATIN_LETTERS,
        "laoRules": [
            [pattern, replacement.replace("\\", "$")] for pattern, replacement in LAO_RULES
        ],
        "letters": {
            **LAO_LETTERS,
            **KHMER_LETTERS,
            # Each letter as read inside a word (BGN spells a word-initial IE as ye), less
            # the primes that join words; ICU's context rules apply on the server only.
            **{char: to_latin.transliterate(f"б{char}")[1:].strip(JOINERS) for char in cyrillic},
        },
    }
