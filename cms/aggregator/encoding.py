"""Turning fetched bytes into text, whatever the portal declared.

Seen on Vietnamese portals: a byte-order mark, junk (whitespace, PHP notices) before
``<?xml``, and Windows-1258 bytes declared as UTF-8. Windows-1258 writes some tones as
combining marks, so the result is normalised to NFC: "Hội nghị" must compare equal to
"Hội nghị" typed on a phone.
"""

import codecs
import re

from cms.text.normalise import nfc

XML_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding=[\"']([A-Za-z0-9_.:-]+)[\"']", re.I)
META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.I)
DOCUMENT_START = re.compile(rb"<(\?xml|rss|feed|rdf:RDF|!DOCTYPE|html)", re.I)
BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
FALLBACKS = ("utf-8", "cp1258", "cp1252")


def strip_junk(data: bytes) -> bytes:
    """Drop anything before the first tag that can start a feed or a page."""
    match = DOCUMENT_START.search(data[:4096])
    return data[match.start() :] if match and match.start() > 0 else data


def declared_encoding(data: bytes, content_type: str = "") -> str | None:
    match = re.search(r"charset=([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    if match:
        return match.group(1).decode() if isinstance(match.group(1), bytes) else match.group(1)
    for pattern in (XML_DECLARATION, META_CHARSET):
        found = pattern.search(data[:2048])
        if found:
            return found.group(1).decode("ascii", "ignore")
    return None


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def decode_document(data: bytes, content_type: str = "") -> tuple[str, str]:
    """Return (text, encoding actually used). Never raises on bad bytes."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return nfc(data[len(bom) :].decode(encoding, "replace")), encoding
    data = strip_junk(data)
    candidates = [_known(declared_encoding(data, content_type))]
    candidates += [name for name in FALLBACKS if name not in candidates]
    for encoding in filter(None, candidates):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return nfc(text), encoding
    return nfc(data.decode("utf-8", "replace")), "utf-8"
