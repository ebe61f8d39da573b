"""The forms text is compared in: one implementation of each, for every layer.

- ``nfc``: Unicode NFC, so that a precomposed "ộ" and "o" + two combining marks are one
  string (Windows-1258 portals send the decomposed form).
- ``normalise``: NFC and case folding, the form in which search tokens and duplicate
  headlines are compared. Diacritics are kept: "Hội nghị" and "Hồi nghỉ" differ.
- ``fold``: diacritics removed for the loose match of search ("Ha Noi" finds "Hà Nội",
  đ -> d). Scripts written without spaces keep their combining signs, which are part of
  their letters. (Slugs fold differently, to ASCII: ``cms.text.slugs.fold_latin``.)
- ``without_controls``: control characters, surrogates and undecodable bytes (U+FFFD)
  as spaces; with ``invisible=True`` also format, private-use and unassigned characters
  (zero-width and bidi marks), which a query must not carry into matching.
- ``VIETNAMESE_LETTERS`` and ``NO_SPACE_SCRIPTS``: what tells a script apart.
"""

import re
import unicodedata

# Letters only Vietnamese uses among Latin scripts (for spotting Vietnamese text).
VIETNAMESE_LETTERS = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")

# Thai, Lao, Myanmar, Khmer, Khmer symbols, kana and CJK ideographs: no spaces between words.
NO_SPACE_SCRIPTS = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff]"
)
UNDECODABLE = "\ufffd"


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def normalise(text: str | None) -> str:
    """NFC and case folded; diacritics kept."""
    return nfc(text).casefold()


def fold(text: str) -> str:
    """Diacritics removed (Vietnamese tones and vowel marks; đ -> d), for a loose match.
    Text in a script written without spaces is returned unchanged."""
    if NO_SPACE_SCRIPTS.search(text):
        return text
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    return nfc("".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def is_control(char: str) -> bool:
    """C0 and C1 controls (NUL included) and lone surrogates."""
    code = ord(char)
    return code < 32 or 127 <= code < 160 or 0xD800 <= code < 0xE000


def has_controls(text: str) -> bool:
    return any(is_control(c) for c in text)


def _unwanted(char: str, invisible: bool) -> bool:
    if char == UNDECODABLE or is_control(char):
        return True
    return invisible and unicodedata.category(char)[0] == "C"


def without_controls(text: str, *, invisible: bool = False) -> str:
    """``text`` with control characters, surrogates and undecodable bytes as spaces (and,
    with ``invisible``, every other Unicode "other" character); stripped when any was
    replaced, returned as it is otherwise."""
    if not any(_unwanted(c, invisible) for c in text):
        return text
    return "".join(" " if _unwanted(c, invisible) else c for c in text).strip()
