"""Translate whole documents: markup and glossary terms fixed, sentences split with ICU,
every unique sentence of the document sent to the engines in one batched call."""

from dataclasses import dataclass

from .engines.registry import Registry
from .glossary import Glossary
from .markup import Span, join_spans, split_markup
from .segmentation import has_letters, split_sentences


@dataclass
class DocumentTranslation:
    strings: list[str]
    engine: str
    sentences_translated: int


def _cut(text: str, language: str) -> list[tuple[str, str, str]]:
    """(leading space, sentence, trailing space) for each sentence of a text span."""
    parts = []
    for sentence in split_sentences(text, language):
        stripped = sentence.strip()
        if not stripped:
            parts.append((sentence, "", ""))
            continue
        lead = sentence[: len(sentence) - len(sentence.lstrip())]
        trail = sentence[len(sentence.rstrip()) :]
        parts.append((lead, stripped, trail))
    return parts


def translate_document(
    strings: list[str],
    source: str,
    target: str,
    registry: Registry | None = None,
    glossary: Glossary | None = None,
) -> DocumentTranslation:
    """Translate HTML fragments (wagtail-localize StringValue data) from source to target."""
    registry = registry or Registry()
    glossary = glossary or Glossary([])
    documents: list[list[Span | list[tuple[str, str, str]]]] = []
    unique: dict[str, None] = {}
    for value in strings:
        pieces: list[Span | list[tuple[str, str, str]]] = []
        for span in glossary.protect(split_markup(value)):
            if span.translatable and has_letters(span.text):
                cut = _cut(span.text, source)
                for _lead, sentence, _trail in cut:
                    if sentence and has_letters(sentence):
                        unique.setdefault(sentence)
                pieces.append(cut)
            else:
                pieces.append(span)
        documents.append(pieces)

    sentences = list(unique)
    translated, engine = registry.translate(sentences, source, target) if sentences else ([], "")
    lookup = dict(zip(sentences, translated, strict=True))

    results = []
    for pieces in documents:
        spans = []
        for piece in pieces:
            if isinstance(piece, Span):
                spans.append(piece)
                continue
            text = "".join(
                lead + (lookup.get(sentence, sentence) if sentence else "") + trail
                for lead, sentence, trail in piece
            )
            spans.append(Span(text, True))
        results.append(join_spans(spans))
    return DocumentTranslation(results, engine, len(sentences))
