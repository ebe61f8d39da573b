"""Sentence splitting with ICU, which works for every script (Lao, Khmer and Chinese
have no spaces; Vietnamese abbreviations such as "Tp." end in a full stop)."""

import icu


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split ``text`` into sentences; joining the result gives ``text`` back exactly."""
    if not text:
        return []
    breaker = icu.BreakIterator.createSentenceInstance(icu.Locale(language.replace("-", "_")))
    breaker.setText(text)
    # ICU reports UTF-16 offsets; convert through a UTF-16 view of the text.
    encoded = text.encode("utf-16-le")
    pieces, start = [], 0
    for end in breaker:
        pieces.append(encoded[start * 2 : end * 2].decode("utf-16-le"))
        start = end
    return [piece for piece in pieces if piece]


def has_letters(text: str) -> bool:
    return any(character.isalpha() for character in text)
