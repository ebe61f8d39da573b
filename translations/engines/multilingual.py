"""Multilingual CTranslate2 models that take a target-language token (M2M-100 style).

A package is a directory (or a zip of one) holding ``metadata.json`` with
``{"type": "multilingual", "languages": {"lo": "__lo__", ...}}``, the SentencePiece model
named by ``"sentencepiece"`` (default ``sentencepiece.model``) and ``model/``. The source is
``[source token] + pieces + ["</s>"]``; decoding starts from ``[target token]``, which is
removed from the output. ``mt`` in README shows how to convert M2M-100 to this layout.
"""

import json
from pathlib import Path

from .base import DecodingOptions, EngineError, PackageInfo
from .ct2 import (
    directory_size,
    load_sentencepiece,
    load_translator,
    read_metadata_file,
    run_batch,
)

KIND = "multilingual"


def read_metadata(package_dir: Path) -> dict:
    metadata = read_metadata_file(package_dir)
    languages = metadata.get("languages")
    if metadata.get("type") != KIND or not isinstance(languages, dict) or len(languages) < 2:
        raise EngineError(
            f"{package_dir}/metadata.json must say type 'multilingual' and map two or more "
            "language codes to their tokens."
        )
    return metadata


def is_multilingual(package_dir: Path) -> bool:
    try:
        return json.loads((package_dir / "metadata.json").read_text("utf-8")).get("type") == KIND
    except (OSError, ValueError):
        return False


def package_info(package_dir: Path) -> PackageInfo:
    metadata = read_metadata(package_dir)
    codes = list(metadata["languages"])
    return PackageInfo(
        name=package_dir.name,
        kind=KIND,
        path=package_dir,
        pairs={(a, b) for a in codes for b in codes if a != b},
        size_bytes=directory_size(package_dir),
        version=str(metadata.get("version", "")),
    )


class MultilingualEngine:
    kind = KIND

    def __init__(self, package_dir: Path, options: DecodingOptions):
        metadata = read_metadata(package_dir)
        self.name = package_dir.name
        self.tokens: dict[str, str] = metadata["languages"]
        self.options = options
        self.sp = load_sentencepiece(
            package_dir / metadata.get("sentencepiece", "sentencepiece.model")
        )
        self.translator = load_translator(package_dir / "model", options)

    def pairs(self) -> set[tuple[str, str]]:
        return {(a, b) for a in self.tokens for b in self.tokens if a != b}

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        if source not in self.tokens or target not in self.tokens:
            raise EngineError(f"{self.name} has no {source}→{target}.")
        if not sentences:
            return []
        pieces = self.sp.encode(sentences, out_type=str)
        sources = [[self.tokens[source], *tokens, "</s>"] for tokens in pieces]
        prefix = [[self.tokens[target]]] * len(sources)
        outputs = run_batch(self.translator, sources, self.options, target_prefix=prefix)
        return [
            self.sp.decode(tokens[1:] if tokens[:1] == prefix[0] else tokens) for tokens in outputs
        ]
