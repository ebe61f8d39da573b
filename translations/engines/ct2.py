"""Shared CTranslate2 + SentencePiece plumbing for local engines."""

import json
from pathlib import Path

import ctranslate2
import sentencepiece

from .base import DecodingOptions, EngineError


def load_translator(model_dir: Path, options: DecodingOptions) -> ctranslate2.Translator:
    if not (model_dir / "model.bin").exists():
        raise EngineError(f"No CTranslate2 model in {model_dir}: reinstall the package.")
    return ctranslate2.Translator(
        str(model_dir),
        device="cpu",
        compute_type=options.compute_type,
        inter_threads=options.inter_threads,
        intra_threads=options.intra_threads,
    )


def load_sentencepiece(path: Path) -> sentencepiece.SentencePieceProcessor:
    if not path.exists():
        raise EngineError(f"No SentencePiece model at {path}: reinstall the package.")
    return sentencepiece.SentencePieceProcessor(model_file=str(path))


def run_batch(
    translator: ctranslate2.Translator,
    sources: list[list[str]],
    options: DecodingOptions,
    target_prefix: list[list[str]] | None = None,
) -> list[list[str]]:
    results = translator.translate_batch(
        sources,
        target_prefix=target_prefix,
        beam_size=options.beam_size,
        max_batch_size=options.max_batch_size,
        max_decoding_length=options.max_decoding_length,
        return_scores=False,
    )
    return [result.hypotheses[0] for result in results]


def directory_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def read_metadata_file(package_dir: Path) -> dict:
    try:
        return json.loads((package_dir / "metadata.json").read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise EngineError(f"{package_dir} has no readable metadata.json: {error}") from error
