"""An item's language: from its script where that is unambiguous, else the source's."""

import re

from cms.text.normalise import VIETNAMESE_LETTERS

SCRIPTS = [
    ("lo", re.compile(r"[\u0e80-\u0eff]")),
    ("km", re.compile(r"[\u1780-\u17ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh-hans", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
]
VIETNAMESE = re.compile("[" + "".join(sorted(VIETNAMESE_LETTERS)) + "]", re.I)


def detect_language(text: str, default: str) -> str:
    sample = text[:500]
    letters = sum(c.isalpha() for c in sample) or 1
    for code, pattern in SCRIPTS:
        if len(pattern.findall(sample)) / letters > 0.3:
            return code
    if len(VIETNAMESE.findall(sample)) / letters > 0.03:
        return "vi"
    if default == "vi" and letters > 20 and not VIETNAMESE.search(sample):
        return "en"
    return default
