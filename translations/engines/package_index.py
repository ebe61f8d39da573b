"""The Argos Translate package index: which model packages can be downloaded, from where.

The index is the JSON list Argos publishes (github.com/argosopentech/argospm-index): each
entry has ``from_code``, ``to_code``, ``package_version``, ``links`` (download URLs, some
``ipfs://``, which are skipped) and usually ``code`` (``translate-vi_en``) and ``type``.
Argos's own index gives no checksum and no size. A mirror's index may add ``sha256`` (or
``checksum``, optionally written ``sha256:<hex>``) and ``size`` in bytes; ``download``
verifies whichever is there.

``MT_PACKAGE_INDEX`` is an http(s) URL, a ``file://`` URL or a folder. Relative links are
resolved against the index's own location, so a mirror is simply a folder (or web
directory) holding ``index.json`` and the ``.argosmodel`` files. A folder without
``index.json`` is indexed from the ``metadata.json`` inside each ``.argosmodel`` it holds.
"""

import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import httpx

from .. import conf
from .base import EngineError
from .registry import PIVOT

DOWNLOADABLE = ("http", "https", "file")


class PackageIndexError(EngineError):
    """The index could not be read, or has nothing for a pair; the message says what next."""


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10"`` sorts after ``"1.9"``."""
    return tuple(int(number) for number in re.findall(r"\d+", version))


@dataclass(frozen=True)
class IndexPackage:
    """One downloadable package as the index describes it."""

    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    code: str = ""
    sha256: str | None = None
    size: int | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    @property
    def label(self) -> str:
        code = self.code or f"translate-{self.from_code}_{self.to_code}"
        return f"{code} {self.version}".strip()

    @property
    def download_links(self) -> list[str]:
        return [link for link in self.links if urlparse(link).scheme in DOWNLOADABLE]


def _checksum(entry: dict) -> str | None:
    value = entry.get("sha256") or entry.get("checksum")
    if not isinstance(value, str) or not value.strip():
        return None
    algorithm, _, digest = value.strip().rpartition(":")
    if algorithm and algorithm.lower() != "sha256":
        raise PackageIndexError(
            f"The index gives a {algorithm} checksum for {entry.get('code', '?')}; "
            "only sha256 is supported. Give `sha256` in the index instead."
        )
    return digest.lower()


def _size(entry: dict) -> int | None:
    value = entry.get("size")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def parse_entries(entries: object, base: str) -> list["IndexPackage"]:
    """Translation packages of an index, links made absolute against ``base``."""
    if not isinstance(entries, list):
        raise PackageIndexError(
            f"The package index at {base} is not a JSON list of packages; is "
            "MT_PACKAGE_INDEX pointing at an Argos-style index.json?"
        )
    packages = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
            continue
        source, target = entry.get("from_code"), entry.get("to_code")
        links = entry.get("links") or []
        if not isinstance(source, str) or not isinstance(target, str) or not links:
            continue
        packages.append(
            IndexPackage(
                from_code=source,
                to_code=target,
                version=str(entry.get("package_version", "")),
                links=tuple(urljoin(base, str(link)) for link in links),
                code=str(entry.get("code", "")),
                sha256=_checksum(entry),
                size=_size(entry),
            )
        )
    return packages


def _scan_folder(folder: Path) -> list[IndexPackage]:
    """Packages of a folder of .argosmodel files, read from their metadata.json."""
    packages = []
    for path in sorted(folder.glob("*.argosmodel")):
        try:
            with zipfile.ZipFile(path) as archive:
                name = next(n for n in archive.namelist() if n.endswith("metadata.json"))
                metadata = json.loads(archive.read(name))
        except (zipfile.BadZipFile, StopIteration, json.JSONDecodeError, OSError):
            continue
        metadata["links"] = [path.resolve().as_uri()]
        metadata["size"] = path.stat().st_size
        packages.extend(parse_entries([metadata], path.resolve().as_uri()))
    return packages


def _unreachable(location: str, error: object) -> PackageIndexError:
    return PackageIndexError(
        f"Could not read the package index at {location}: {error}. "
        "On a closed network, point MT_PACKAGE_INDEX at a mirror (an https:// URL of an "
        "index.json) or at a folder holding index.json or the .argosmodel files "
        "(MT_PACKAGE_INDEX=/srv/argos or file:///srv/argos/index.json), "
        "or copy the files over and run `python manage.py mt install PATH`."
    )


def _read_http(location: str) -> list[IndexPackage]:
    try:
        response = httpx.get(
            location, follow_redirects=True, timeout=conf.get("MT_DOWNLOAD_TIMEOUT")
        )
        response.raise_for_status()
        entries = response.json()
    except (httpx.HTTPError, ValueError) as error:
        raise _unreachable(location, error) from error
    return parse_entries(entries, str(response.url))


def _read_path(path: Path, location: str) -> list[IndexPackage]:
    if path.is_dir():
        if not (path / "index.json").is_file():
            packages = _scan_folder(path)
            if not packages:
                raise _unreachable(location, "the folder has no index.json and no .argosmodel")
            return packages
        path = path / "index.json"
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _unreachable(location, error) from error
    return parse_entries(entries, path.resolve().as_uri())


@dataclass
class PackageIndex:
    location: str
    packages: list[IndexPackage]

    def best(self, source: str, target: str) -> IndexPackage | None:
        """The newest package for a pair."""
        candidates = [p for p in self.packages if p.pair == (source, target)]
        return max(candidates, key=lambda p: version_key(p.version), default=None)

    def pairs_from(self, source: str) -> list[tuple[str, str]]:
        return sorted({p.pair for p in self.packages if p.from_code == source})

    def plan(self, source: str, target: str) -> list[IndexPackage]:
        """The packages that translate source→target: one direct, or two through English."""
        direct = self.best(source, target)
        if direct:
            return [direct]
        if PIVOT not in (source, target):
            first, second = self.best(source, PIVOT), self.best(PIVOT, target)
            if first and second:
                return [first, second]
        offered = ", ".join(f"{a}→{b}" for a, b in self.pairs_from(source)) or "nothing"
        raise PackageIndexError(
            f"The package index at {self.location} has no {source}→{target} package, nor "
            f"{source}→{PIVOT} and {PIVOT}→{target} to go through English. From {source} "
            f"it offers: {offered}. Install a package you have as a file with "
            "`python manage.py mt install PATH`, or point MT_PACKAGE_INDEX at an index "
            "that has one."
        )


def load_index(location: str | None = None) -> PackageIndex:
    """Read the index at ``location`` (default ``MT_PACKAGE_INDEX``)."""
    location = location or conf.get("MT_PACKAGE_INDEX")
    scheme = urlparse(location).scheme
    if scheme in ("http", "https"):
        packages = _read_http(location)
    elif scheme == "file":
        packages = _read_path(Path(unquote(urlparse(location).path)), location)
    else:
        packages = _read_path(Path(location).expanduser(), location)
    return PackageIndex(location, packages)
