"""Checks run on a draft before a reviewer sees it. Each failure names the segment and
what is wrong; failures block approval unless the reviewer overrides them with a reason."""

import re
from collections import Counter
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from cms.text.normalise import VIETNAMESE_LETTERS

from .glossary import Glossary
from .markup import plain_text, tags

NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
COMPACT_SCRIPTS = {"zh", "ja", "ko", "lo", "km", "th"}


@dataclass
class Failure:
    check: str
    segment: int
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


def _numbers(text: str) -> Counter:
    return Counter(re.sub(r"[.,\s]", "", n) for n in NUMBER.findall(plain_text(text)))


def check_numbers(source: str, target: str) -> str | None:
    missing = _numbers(source) - _numbers(target)
    if missing:
        return _("Numbers or dates missing from the translation: %(numbers)s") % {
            "numbers": ", ".join(sorted(missing))
        }
    return None


def check_tags(source: str, target: str) -> str | None:
    if Counter(tags(source)) != Counter(tags(target)):
        return _("Links or inline formatting differ from the source.")
    return None


def check_glossary(source: str, target: str, glossary: Glossary) -> str | None:
    folded = plain_text(target).casefold()
    missing = [
        t.target for t in glossary.expected(plain_text(source)) if t.target.casefold() not in folded
    ]
    if missing:
        return _("Glossary terms not used: %(terms)s") % {"terms": ", ".join(missing)}
    return None


def check_untranslated(
    source: str, target: str, source_language: str, target_language: str
) -> str | None:
    text = plain_text(target).strip()
    if not text:
        return _("The translation is empty.")
    if not any(c.isalpha() for c in text):
        return None
    if text == plain_text(source).strip() and source_language != target_language:
        return _("The text is still in the source language.")
    if source_language == "vi" and target_language != "vi":
        words = text.split()
        vietnamese = sum(1 for w in words if VIETNAMESE_LETTERS & set(w.casefold()))
        if len(words) >= 3 and vietnamese / len(words) > 0.3:
            return _("Much of the text is still in Vietnamese.")
    return None


def check_length(source: str, target: str, target_language: str) -> str | None:
    source_length = len(plain_text(source).strip())
    target_length = len(plain_text(target).strip())
    if source_length < 20:
        return None
    low = 0.15 if target_language.split("-")[0] in COMPACT_SCRIPTS else 0.35
    ratio = target_length / source_length
    if ratio < low or ratio > 3.0:
        return _("The translation is %(ratio)s times the length of the source.") % {
            "ratio": f"{ratio:.2f}"
        }
    return None


def run_checks(
    pairs: list[tuple[str, str]], source_language: str, target_language: str, glossary: Glossary
) -> list[Failure]:
    """QA over (source, target) segment pairs, in order."""
    failures = []
    for index, (source, target) in enumerate(pairs):
        checks = {
            "untranslated": check_untranslated(source, target, source_language, target_language),
            "numbers": check_numbers(source, target),
            "tags": check_tags(source, target),
            "glossary": check_glossary(source, target, glossary),
            "length": check_length(source, target, target_language),
        }
        failures += [Failure(name, index, message) for name, message in checks.items() if message]
    return failures
