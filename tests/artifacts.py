"""Folders where tests leave files for people to look at (screenshots)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "test-artifacts"
_reported: dict[str, Path] = {}


def artifact_dir(label: str, name: str) -> Path:
    path = ROOT / name
    path.mkdir(parents=True, exist_ok=True)
    _reported[label] = path
    return path


def reported_artifact_dirs() -> list[tuple[str, Path]]:
    return sorted(_reported.items())
