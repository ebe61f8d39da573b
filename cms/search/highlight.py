"""Marking what matched, in titles and in a snippet of the body, escaping everything else."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cms.text.normalise import NO_SPACE_SCRIPTS, fold, normalise

SNIPPET = 240


def _needles(terms) -> tuple[set[str], list[str]]:
    folded = {
        token for term in terms for token in term.folded if not NO_SPACE_SCRIPTS.search(token)
    }
    substrings = ["".join(term.tokens) for term in terms if term.needs_grams]
    return folded, substrings


def _spans(text: str, terms) -> list[tuple[int, int]]:
    folded, substrings = _needles(terms)
    lowered = normalise(text)
    spans = []
    if len(lowered) == len(text):
        for match in re.finditer(r"\w+", lowered):
            if fold(match.group(0)) in folded:
                spans.append(match.span())
        for needle in substrings:
            start = lowered.find(needle)
            while needle and start >= 0:
                spans.append((start, start + len(needle)))
                start = lowered.find(needle, start + len(needle))
    return sorted(spans)


def highlight(text: str, terms, snippet: bool = False) -> SafeString:
    spans = _spans(text, terms)
    start, end = 0, len(text)
    if snippet and len(text) > SNIPPET:
        first = spans[0][0] if spans else 0
        start = max(0, first - SNIPPET // 3)
        end = min(len(text), start + SNIPPET)
    out, position = [], start
    for begin, finish in spans:
        if begin < position or finish > end:
            continue
        out.append(escape(text[position:begin]))
        out.append(f"<mark>{escape(text[begin:finish])}</mark>")
        position = finish
    out.append(escape(text[position:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)
