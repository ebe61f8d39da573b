"""Word-level diff of two texts, for showing a translator what changed in the source.

Words are cut with ICU word boundaries, so Lao, Khmer, Thai and Chinese, which have no
spaces between words, diff word by word rather than as one long token. The result is a
list of ``(op, text)`` tokens, ``op`` one of ``equal``, ``delete`` and ``insert``; it is
plain text, to be escaped by the template that shows it.
"""

from difflib import SequenceMatcher

import icu

from .segmentation import icu_pieces

EQUAL, DELETE, INSERT = "equal", "delete", "insert"

Token = tuple[str, str]


def words(text: str, language: str = "vi") -> list[str]:
    """``text`` cut at ICU word boundaries; joining the pieces gives ``text`` back."""
    if not text:
        return []
    locale = icu.Locale(language.replace("-", "_"))
    return icu_pieces(icu.BreakIterator.createWordInstance(locale), text)


def _append(tokens: list[Token], op: str, text: str) -> None:
    if not text:
        return
    if tokens and tokens[-1][0] == op:
        tokens[-1] = (op, tokens[-1][1] + text)
    else:
        tokens.append((op, text))


def word_diff(old: str, new: str, language: str = "vi") -> list[Token]:
    """How ``old`` became ``new``, word by word: a replaced word is a deletion followed by
    an insertion. Joining the ``equal`` and ``delete`` texts gives ``old``; joining the
    ``equal`` and ``insert`` texts gives ``new``."""
    before, after = words(old, language), words(new, language)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    tokens: list[Token] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == EQUAL:
            _append(tokens, EQUAL, "".join(before[i1:i2]))
            continue
        _append(tokens, DELETE, "".join(before[i1:i2]))
        _append(tokens, INSERT, "".join(after[j1:j2]))
    return tokens
