"""Fonts for share images: a chain of font files per script, read from the system
(Pillow cannot read the site's woff2 subsets), and which font of a chain has a glyph.

Text is shaped with libraqm when Pillow has it (Lao and Khmer need it to place their
vowels and subscripts); otherwise Pillow's basic layout is used and ``layout_engine()``
says so.
"""

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont, features

from . import conf

SCRIPT_OF_LANGUAGE = {
    "lo": "lao",
    "km": "khmer",
    "zh-hans": "hans",
    "ja": "japanese",
    "ko": "korean",
}
MISSING = "\uffff"  # a noncharacter: every font draws its .notdef box for it
INSTALL_HINT = "apt-get install -y fonts-noto-core fonts-noto-cjk"


class FontMissing(Exception):
    """A configured font file does not exist or cannot be read."""


def layout_engine() -> ImageFont.Layout:
    return ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC


def script_for(language_code: str) -> str:
    return SCRIPT_OF_LANGUAGE.get(language_code, "default")


def font_files(script: str) -> list[tuple[Path, int]]:
    """(path, face index) of each font of the script's chain, the default chain's last."""
    table = conf.get("SOCIAL_FONTS")
    entries = list(table.get(script) or table["default"])
    for entry in table["default"]:
        if entry not in entries:
            entries.append(entry)
    files = []
    for entry in entries:
        name, _sep, index = entry.partition("#")
        files.append((Path(conf.get("SOCIAL_FONT_DIR")) / name, int(index or 0)))
    return files


def check_files(script: str) -> None:
    for path, _index in font_files(script):
        if not path.is_file():
            raise FontMissing(
                f"The share-image font {path} ({script}) is missing: install it "
                f"({INSTALL_HINT}) or point SOCIAL_FONT_DIR/SOCIAL_FONTS at the font files."
            )


@lru_cache(maxsize=64)
def _load(path: Path, index: int, size: int, basic: bool) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.BASIC if basic else layout_engine()
    try:
        return ImageFont.truetype(str(path), size, index=index, layout_engine=engine)
    except OSError as error:
        raise FontMissing(
            f"The share-image font {path} cannot be read ({error}): install it ({INSTALL_HINT})."
        ) from error


def chain(script: str, size: int) -> list[ImageFont.FreeTypeFont]:
    """The script's fonts at ``size``, for drawing (shaped when raqm is available)."""
    check_files(script)
    return [_load(path, index, size, False) for path, index in font_files(script)]


@lru_cache(maxsize=4096)
def has_glyph(path: Path, index: int, char: str) -> bool:
    """True if the font maps ``char`` to a glyph of its own: drawn alone without shaping,
    it does not look like the font's .notdef box. Characters that draw nothing (spaces,
    joiners) count as present."""
    font = _load(path, index, 32, True)
    box = font.getmask(MISSING)
    mask = font.getmask(char)
    return not (mask.size == box.size and bytes(mask) == bytes(box))


def pick(script: str, char: str) -> int:
    """Index in the script's chain of the first font that has ``char`` (0 if none has)."""
    for position, (path, index) in enumerate(font_files(script)):
        if has_glyph(path, index, char):
            return position
    return 0
