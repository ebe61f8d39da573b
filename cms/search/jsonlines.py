"""Reading a JSON Lines file that may be hostile, before anything is written.

``read_objects`` returns every line's object or raises ``FileRejected`` naming the first
line that is not a sane JSON object: bytes that are not UTF-8, a NUL byte, a line longer
than MAX_LINE_BYTES, JSON that is invalid or cut short, nesting deeper than MAX_DEPTH
(checked before ``json.loads``, which would otherwise recurse until RecursionError), an
integer outside a signed 64-bit range, a float that overflows, NaN or Infinity, a string
holding NUL or a lone surrogate (neither can be stored as text), or a value that is not
an object.
"""

import json
import math
import re
from pathlib import Path

from .errors import SearchError

MAX_DEPTH = 20
MAX_LINE_BYTES = 5_000_000
MAX_INT = 2**63 - 1
BOM = b"\xef\xbb\xbf"
# An escape (two characters, so an escaped quote is skipped), a quote, or a bracket.
STRUCTURE = re.compile(r'\\.|["\[\]{}]', re.DOTALL)
SURROGATE = re.compile("[\ud800-\udfff]")
JSON_TYPES = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


class FileRejected(SearchError, ValueError):
    """The file cannot be imported; the message names the line and the reason."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


class _Refused(ValueError):
    """Raised from inside json.loads by the number hooks."""


def depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deeply arrays and objects nest in ``text`` (stops counting past ``limit``).

    Brackets inside strings do not count. Linear in the length of ``text``.
    """
    level = deepest = 0
    in_string = False
    for match in STRUCTURE.finditer(text):
        token = match.group()
        if token[0] == "\\":
            continue
        if token == '"':
            in_string = not in_string
        elif in_string:
            continue
        elif token in "[{":
            level += 1
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
        else:
            level -= 1
    return deepest


def _out_of_range(text: str) -> _Refused:
    shown = text if len(text) <= 30 else f"{text[:30]}…"
    return _Refused(f"the number {shown} is out of range")


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > len(str(MAX_INT)) or abs(value := int(text)) > MAX_INT:
        raise _out_of_range(text)
    return value


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _out_of_range(text)
    return value


def _constant(name: str):
    raise _Refused(f"{name} is not a number")


def _bad_string(value) -> str | None:
    """Why a string somewhere in ``value`` cannot be stored, else None (recursion is
    bounded: ``value`` passed the depth check)."""
    if isinstance(value, str):
        if "\x00" in value:
            return "a text holds a NUL character (\\u0000)"
        if SURROGATE.search(value):
            return "a text holds an unpaired surrogate (\\ud800-\\udfff)"
        return None
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list):
        for inner in value:
            if reason := _bad_string(inner):
                return reason
    return None


def parse_line(text: str, number: int) -> dict:
    """One line's object, or FileRejected."""
    if depth(text) > MAX_DEPTH:
        raise FileRejected(number, f"nested deeper than {MAX_DEPTH} levels")
    try:
        value = json.loads(text, parse_int=_integer, parse_float=_float, parse_constant=_constant)
    except _Refused as error:
        raise FileRejected(number, str(error)) from None
    except json.JSONDecodeError as error:
        cut = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated")
        reason = "JSON cut short" if cut else "not valid JSON"
        raise FileRejected(number, f"{reason} ({error.msg}, column {error.colno})") from None
    except (ValueError, RecursionError) as error:
        raise FileRejected(number, f"not valid JSON ({error})") from None
    if not isinstance(value, dict):
        found = JSON_TYPES.get(type(value), "something else")
        raise FileRejected(number, f"expected a JSON object, found {found}")
    if reason := _bad_string(value):
        raise FileRejected(number, reason)
    return value


def read_objects(path: Path | str) -> list[tuple[int, dict]]:
    """(line number, object) for every non-blank line, or FileRejected for the first
    line that is not a sane JSON object. Reads at most MAX_LINE_BYTES per line."""
    objects = []
    with open(path, "rb") as handle:
        number = 0
        while raw := handle.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise FileRejected(number, f"longer than {MAX_LINE_BYTES:,} bytes")
            if number == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
            if (nul := raw.find(b"\x00")) >= 0:
                raise FileRejected(number, f"NUL byte at byte {nul + 1} of the line")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise FileRejected(
                    number, f"not valid UTF-8 (byte {error.start + 1} of the line)"
                ) from None
            if text.strip():
                objects.append((number, parse_line(text, number)))
    return objects
