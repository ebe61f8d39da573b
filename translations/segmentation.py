"""Sentence splitting with ICU, which works for every script (Lao, Khmer and Chinese
have no spaces). ICU's abbreviation exceptions (``@ss=standard``) cover English, French and
others; Vietnamese abbreviations are added here."""

import icu

ABBREVIATIONS = {
    "vi": {"tp.", "tt.", "ts.", "ths.", "pgs.", "gs.", "bs.", "ks.", "q.", "p.", "mr.", "dr."},
}


def icu_pieces(breaker, text: str) -> list[str]:
    """Cut ``text`` at an ICU break iterator's boundaries (which are UTF-16 offsets)."""
    breaker.setText(text)
    encoded = text.encode("utf-16-le")
    pieces, start = [], 0
    for end in breaker:
        pieces.append(encoded[start * 2 : end * 2].decode("utf-16-le"))
        start = end
    return [piece for piece in pieces if piece]


def _icu_pieces(text: str, language: str) -> list[str]:
    locale = icu.Locale(f"{language.replace('-', '_')}@ss=standard")
    return icu_pieces(icu.BreakIterator.createSentenceInstance(locale), text)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split ``text`` into sentences; joining the result gives ``text`` back exactly."""
    if not text:
        return []
    abbreviations = ABBREVIATIONS.get(language.split("-")[0], set())
    sentences: list[str] = []
    for piece in _icu_pieces(text, language):
        words = sentences[-1].split() if sentences else []
        if words and words[-1].casefold() in abbreviations:
            sentences[-1] += piece
        else:
            sentences.append(piece)
    return sentences


def has_letters(text: str) -> bool:
    return any(character.isalpha() for character in text)
