"""Headline layout for share images: runs of text per font of a chain, and lines
wrapped by width at the break opportunities ICU finds (Lao, Khmer and Chinese write
no spaces between words, so splitting on spaces would not do)."""

import unicodedata
from dataclasses import dataclass

import icu
from PIL import ImageDraw, ImageFont

from . import fonts

ELLIPSIS = "…"


@dataclass(frozen=True)
class Style:
    script: str
    language: str | None  # BCP 47 for shaping (``zh-Hans``); None without raqm
    chain: list[ImageFont.FreeTypeFont]


def style_for(language_code: str, size: int) -> Style:
    script = fonts.script_for(language_code)
    tag = icu.Locale(language_code.replace("-", "_")).toLanguageTag()
    if fonts.layout_engine() != ImageFont.Layout.RAQM:
        tag = None
    return Style(script, tag, fonts.chain(script, size))


def _inherits(char: str) -> bool:
    """Marks, spaces and joiners stay with the run before them (Lao and Khmer vowels
    must be shaped with their consonant)."""
    return char.isspace() or unicodedata.category(char) in ("Mn", "Mc", "Me", "Cf")


def runs(text: str, style: Style) -> list[tuple[str, int]]:
    """``text`` cut where the font changes: (text, index in the chain)."""
    result: list[tuple[str, int]] = []
    for char in text:
        if result and _inherits(char):
            index = result[-1][1]
        else:
            index = fonts.pick(style.script, char)
        if result and result[-1][1] == index:
            result[-1] = (result[-1][0] + char, index)
        else:
            result.append((char, index))
    return result


def width(text: str, style: Style) -> float:
    return sum(
        style.chain[index].getlength(part, language=style.language)
        for part, index in runs(text, style)
    )


def _pieces(text: str, language_code: str, kind: str) -> list[str]:
    locale = icu.Locale(language_code.replace("-", "_"))
    iterator = (
        icu.BreakIterator.createLineInstance(locale)
        if kind == "line"
        else icu.BreakIterator.createCharacterInstance(locale)
    )
    iterator.setText(text)
    pieces, start = [], iterator.first()
    for end in iterator:
        pieces.append(text[start:end])
        start = end
    return pieces


def wrap(text: str, language_code: str, style: Style, max_width: float) -> list[str]:
    """Greedy lines no wider than ``max_width``: a line ends at an ICU line-break
    opportunity; a piece wider than a whole line is cut between graphemes."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(" ".join(text.split()), language_code, "line"):
        if width((line + piece).rstrip(), style) <= max_width:
            line += piece
            continue
        if line.strip():
            lines.append(line.rstrip())
            line = ""
        if width(piece.rstrip(), style) <= max_width:
            line = piece
            continue
        for grapheme in _pieces(piece, language_code, "character"):
            if line and width((line + grapheme).rstrip(), style) > max_width:
                lines.append(line.rstrip())
                line = ""
            line += grapheme
    if line.strip():
        lines.append(line.rstrip())
    return lines


def shorten(line: str, language_code: str, style: Style, max_width: float) -> str:
    """The line cut between graphemes so that it ends with an ellipsis and fits."""
    graphemes = _pieces(line, language_code, "character")
    while graphemes and width("".join(graphemes).rstrip() + ELLIPSIS, style) > max_width:
        graphemes.pop()
    return "".join(graphemes).rstrip() + ELLIPSIS


def draw_line(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, style: Style, fill):
    """One line on its baseline at ``xy``, each run in its own font."""
    x, y = xy
    for part, index in runs(text, style):
        font = style.chain[index]
        draw.text((x, y), part, font=font, fill=fill, anchor="ls", language=style.language)
        x += font.getlength(part, language=style.language)
