from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from translations.errors import TranslationsError


class EngineError(TranslationsError):
    """An engine could not translate; the message says what to do next."""


@dataclass(frozen=True)
class DecodingOptions:
    """CTranslate2 decoding settings shared by every local engine."""

    beam_size: int = 2
    max_batch_size: int = 32
    max_decoding_length: int = 256
    compute_type: str = "default"
    inter_threads: int = 1
    intra_threads: int = 0


class Engine(Protocol):
    name: str
    kind: str

    def pairs(self) -> set[tuple[str, str]]: ...

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]: ...


@dataclass
class PackageInfo:
    """What ``mt list`` shows about an installed model package."""

    name: str
    kind: str
    path: Path
    pairs: set[tuple[str, str]] = field(default_factory=set)
    size_bytes: int = 0
    version: str = ""
