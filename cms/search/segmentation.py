"""Words for search, in every script. The same functions prepare indexed text and queries.

- ICU word segmentation (dictionary-based for Thai, Lao, Khmer, Chinese and Japanese,
  which write no spaces between words);
- Unicode NFC and case folding;
- Vietnamese diacritic folding for the loose match: "Ha Noi" finds "Hà Nội", đ → d;
- for scripts without spaces, grapheme bigrams as well, so that a word is found even when
  the dictionary cuts the sentence differently from the query.
"""

from dataclasses import dataclass
from itertools import pairwise

import icu

from cms.text.normalise import NO_SPACE_SCRIPTS, fold, normalise
from translations.segmentation import icu_pieces

MAX_TOKEN = 60
SEPARATOR = (
    "zzsep"  # a Latin token: never a gram of a query, which grams come from no-space scripts
)
_word_breaker = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
_grapheme_breaker = icu.BreakIterator.createCharacterInstance(icu.Locale.getRoot())


def words(text: str) -> list[str]:
    """Normalised word tokens: letters and digits (with their combining marks)."""
    tokens = []
    for piece in icu_pieces(_word_breaker, normalise(text)):
        piece = piece.strip()
        if piece and any(c.isalnum() for c in piece):
            tokens.append(piece[:MAX_TOKEN])
    return tokens


def graphemes(token: str) -> list[str]:
    return [g for g in icu_pieces(_grapheme_breaker, token) if g.strip()]


def grams(tokens: list[str]) -> list[str]:
    """Grapheme bigrams of consecutive no-space-script tokens; SEPARATOR ends a run, so a
    phrase cannot match across text in another script."""
    result: list[str] = []
    run: list[str] = []

    def flush():
        if len(run) == 1:
            result.append(run[0])
        result.extend(a + b for a, b in pairwise(run))
        if run:
            result.append(SEPARATOR)
        run.clear()

    for token in tokens:
        if NO_SPACE_SCRIPTS.search(token):
            run.extend(graphemes(token))
        else:
            flush()
    flush()
    return result[:-1] if result and result[-1] == SEPARATOR else result


@dataclass(frozen=True)
class Prepared:
    """Text ready for the index, or a query ready for matching."""

    tokens: tuple[str, ...]
    folded: tuple[str, ...]
    grams: tuple[str, ...]

    @property
    def exact_text(self) -> str:
        return " ".join(self.tokens)

    @property
    def folded_text(self) -> str:
        return " ".join(self.folded)

    @property
    def grams_text(self) -> str:
        return " ".join(self.grams)

    @property
    def needs_grams(self) -> bool:
        return any(NO_SPACE_SCRIPTS.search(token) for token in self.tokens)


def prepare(text: str) -> Prepared:
    tokens = words(text)
    return Prepared(tuple(tokens), tuple(fold(t) for t in tokens), tuple(grams(tokens)))
