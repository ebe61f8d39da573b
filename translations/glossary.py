"""Glossary enforcement: official terms are never sent to MT; the approved target form is
put in their place (or the term is kept as it is when it must not be translated)."""

import re
from dataclasses import dataclass

from .markup import Span


@dataclass(frozen=True)
class Term:
    source: str
    target: str


def _pattern(terms: list[Term]) -> re.Pattern | None:
    if not terms:
        return None
    ordered = sorted({t.source for t in terms}, key=len, reverse=True)
    alternatives = "|".join(re.escape(source) for source in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class Glossary:
    def __init__(self, terms: list[Term]):
        self.terms = {t.source.casefold(): t for t in terms}
        self.pattern = _pattern(terms)

    def protect(self, spans: list[Span]) -> list[Span]:
        """Cut glossary terms out of translatable spans as fixed spans in target form."""
        if self.pattern is None:
            return spans
        result = []
        for span in spans:
            if not span.translatable:
                result.append(span)
                continue
            position = 0
            for match in self.pattern.finditer(span.text):
                if match.start() > position:
                    result.append(Span(span.text[position : match.start()], True))
                term = self.terms[match.group(0).casefold()]
                result.append(Span(term.target, False))
                position = match.end()
            if position < len(span.text):
                result.append(Span(span.text[position:], True))
        return result

    def expected(self, source_text: str) -> list[Term]:
        """Terms that occur in a source text, for QA."""
        if self.pattern is None:
            return []
        return [self.terms[m.group(0).casefold()] for m in self.pattern.finditer(source_text)]
