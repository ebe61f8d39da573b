"""Identity within a source, and near-duplicates across sources.

Within a source an item is the same as another with the same GUID, the same canonical
link or the same content. Across sources, MinHash over word pairs of the headline and the
start of the summary finds the same agency story republished by several portals; items
are grouped into a cluster, never deleted. Diacritics are kept: "Hội nghị" and "Hồi nghỉ"
are different words.
"""

import hashlib
import re
import struct
from itertools import pairwise
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from cms.text.normalise import normalise

TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|zarsrc$|mc_)")
WORD = re.compile(r"\w+", re.UNICODE)
NUM_HASHES = 32
ROWS_PER_BAND = 4
SIMILARITY = 0.5
_SEEDS = [hashlib.sha1(str(i).encode()).digest()[:8] for i in range(NUM_HASHES)]


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def canonical_link(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)
    ]
    host = (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", urlencode(sorted(query)), ""))


def content_hash(title: str, summary: str) -> str:
    words = WORD.findall(normalise(f"{title} {summary}"))
    return sha1(" ".join(words))


def shingles(title: str, summary: str) -> set[str]:
    words = WORD.findall(normalise(f"{title} {' '.join(summary.split()[:40])}"))
    if len(words) < 2:
        return set(words)
    return {f"{a} {b}" for a, b in pairwise(words)}


def _hash(seed: bytes, value: str) -> int:
    return struct.unpack("<Q", hashlib.blake2b(value.encode(), digest_size=8, key=seed).digest())[0]


def signature(features: set[str]) -> list[int]:
    if not features:
        return []
    return [min(_hash(seed, feature) for feature in features) for seed in _SEEDS]


def bands(features: set[str]) -> list[int]:
    """LSH band keys: items sharing one are candidates for the same story."""
    values = signature(features)
    keys = []
    for band in range(0, len(values), ROWS_PER_BAND):
        digest = hashlib.blake2b(
            struct.pack(f"<{ROWS_PER_BAND}Q", *values[band : band + ROWS_PER_BAND]) + bytes([band]),
            digest_size=8,
        ).digest()
        keys.append(struct.unpack("<q", digest)[0])
    return keys


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
