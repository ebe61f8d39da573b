"""Argos Translate packages (.argosmodel) run directly on CTranslate2.

A package is a zip holding ``<name>/metadata.json`` (``from_code``, ``to_code``),
``<name>/sentencepiece.model`` and ``<name>/model/`` (a CTranslate2 model). We load it
ourselves: Argos's own pipeline splits sentences with a model it downloads on first use
and translates one sentence at a time.
"""

from pathlib import Path

from .base import DecodingOptions, EngineError, PackageInfo
from .ct2 import (
    directory_size,
    load_sentencepiece,
    load_translator,
    read_metadata_file,
    run_batch,
)

KIND = "argos"


def read_metadata(package_dir: Path) -> dict:
    metadata = read_metadata_file(package_dir)
    if not metadata.get("from_code") or not metadata.get("to_code"):
        raise EngineError(f"{package_dir}/metadata.json lacks from_code or to_code.")
    return metadata


def package_info(package_dir: Path) -> PackageInfo:
    metadata = read_metadata(package_dir)
    return PackageInfo(
        name=package_dir.name,
        kind=KIND,
        path=package_dir,
        pairs={(metadata["from_code"], metadata["to_code"])},
        size_bytes=directory_size(package_dir),
        version=str(metadata.get("package_version", "")),
    )


class ArgosEngine:
    kind = KIND

    def __init__(self, package_dir: Path, options: DecodingOptions):
        metadata = read_metadata(package_dir)
        self.name = package_dir.name
        self.source = metadata["from_code"]
        self.target = metadata["to_code"]
        self.options = options
        self.sp = load_sentencepiece(package_dir / "sentencepiece.model")
        self.translator = load_translator(package_dir / "model", options)

    def pairs(self) -> set[tuple[str, str]]:
        return {(self.source, self.target)}

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        if (source, target) != (self.source, self.target):
            raise EngineError(f"{self.name} translates {self.source}→{self.target} only.")
        if not sentences:
            return []
        pieces = self.sp.encode(sentences, out_type=str)
        outputs = run_batch(self.translator, pieces, self.options)
        return [self.sp.decode(tokens) for tokens in outputs]
