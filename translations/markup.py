"""Inline markup in wagtail-localize strings: ``Đoạn <b>văn</b> <a id="a1">link</a>``.

A string is cut into spans: tags and glossary terms are fixed, text between them is
translated on its own. The markup therefore survives MT exactly; the cost is that a
sentence broken by a tag is translated in parts, which the translator then post-edits.
"""

import html
import re
from dataclasses import dataclass

TAG = re.compile(r"<[^<>]+>")


@dataclass
class Span:
    text: str
    translatable: bool


def split_markup(value: str) -> list[Span]:
    """Split HTML into fixed tag spans and translatable (unescaped) text spans."""
    spans, position = [], 0
    for match in TAG.finditer(value):
        if match.start() > position:
            spans.append(Span(html.unescape(value[position : match.start()]), True))
        spans.append(Span(match.group(0), False))
        position = match.end()
    if position < len(value):
        spans.append(Span(html.unescape(value[position:]), True))
    return spans


def join_spans(spans: list[Span]) -> str:
    return "".join(html.escape(s.text, quote=False) if s.translatable else s.text for s in spans)


def tags(value: str) -> list[str]:
    """The tags of a string in order, for QA: inline tags must survive translation."""
    return TAG.findall(value)


def plain_text(value: str) -> str:
    return html.unescape(TAG.sub(" ", value))
