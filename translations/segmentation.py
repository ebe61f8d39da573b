"""Sentence splitting with ICU, which works for every script (Lao, Khmer and Chinese
have no spaces). ICU's abbreviation exceptions (``@ss=standard``) cover English, French and
others; Vietnamese abbreviations are added here."""

import icu

ABBREVIATIONS = {
    "vi": {"tp.", "tt.", "ts.", "ths.", "pgs.", "gs.", "bs.", "ks.", "q.", "p.", "mr.", "dr."},
}


def _icu_pieces(text: str, language: str) -> list[str]:
    locale = icu.Locale(f"{language.replace('-', '_')}@ss=standard")
    breaker = icu.BreakIterator.createSentenceInstance(locale)
    breaker.setText(text)
    # ICU reports UTF-16 offsets; cut a UTF-16 view of the text.
    encoded = text.encode("utf-16-le")
    pieces, start = [], 0
    for end in breaker:
        pieces.append(encoded[start * 2 : end * 2].decode("utf-16-le"))
        start = end
    return [piece for piece in pieces if piece]


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
