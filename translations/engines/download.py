"""Downloading model packages named in the package index, verified and installed whole.

A package is streamed into a hidden temporary file in ``MT_MODELS_DIR`` (``.download-*``,
which ``store.installed`` ignores), its length checked against the server's
Content-Length and the index's ``size``, its sha256 against the index's, and only then
handed to ``store.install`` (which unpacks it into a temporary folder, validates it and
moves it into place). Whatever goes wrong, the temporary file is deleted, including on
Ctrl-C, and the packages already installed are untouched until the new one is in place.
"""

import hashlib
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx

from .. import conf
from . import argos, registry, store
from .base import EngineError, PackageInfo
from .package_index import IndexPackage, version_key

CHUNK = 256 * 1024

Progress = Callable[[int, int | None], None]


class DownloadError(EngineError):
    """A package could not be downloaded or failed verification; nothing was installed."""


@dataclass
class Downloaded:
    """A verified package file and what was checked."""

    path: Path
    link: str
    size: int
    sha256: str
    checked: list[str] = field(default_factory=list)


@dataclass
class Installed:
    info: PackageInfo
    download: Downloaded
    replaced: list[str]


def _no_progress(done: int, total: int | None) -> None:
    return None


@contextmanager
def _open(link: str) -> Iterator[tuple[int | None, Iterator[bytes]]]:
    """The expected length (if told) and the chunks of a link: http(s) or file."""
    parsed = urlparse(link)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path))
        with path.open("rb") as handle:
            yield path.stat().st_size, iter(lambda: handle.read(CHUNK), b"")
        return
    timeout = conf.get("MT_DOWNLOAD_TIMEOUT")
    with httpx.stream("GET", link, follow_redirects=True, timeout=timeout) as response:
        response.raise_for_status()
        length = response.headers.get("Content-Length")
        encoded = response.headers.get("Content-Encoding", "identity") != "identity"
        total = int(length) if length and length.isdigit() and not encoded else None
        yield total, response.iter_bytes(CHUNK)


def _fetch_link(package: IndexPackage, link: str, target: Path, progress: Progress) -> Downloaded:
    digest = hashlib.sha256()
    done = 0
    with _open(link) as (announced, chunks), target.open("wb") as handle:
        total = package.size or announced
        progress(0, total)
        for chunk in chunks:
            handle.write(chunk)
            digest.update(chunk)
            done += len(chunk)
            progress(done, total)
    checked = ["length"]
    if announced is not None and done != announced:
        raise DownloadError(f"the transfer stopped after {done} of {announced} bytes")
    if package.size is not None:
        if done != package.size:
            raise DownloadError(f"it is {done} bytes long, the index says {package.size}")
        checked.append("size")
    if package.sha256 is not None:
        if digest.hexdigest() != package.sha256:
            raise DownloadError(
                f"its sha256 is {digest.hexdigest()}, the index says {package.sha256}"
            )
        checked.append("sha256")
    return Downloaded(target, link, done, digest.hexdigest(), checked)


def fetch(package: IndexPackage, progress: Progress = _no_progress) -> Downloaded:
    """Download a package into a hidden temporary file in the models folder and verify
    it, trying its links in order. The caller deletes ``Downloaded.path``."""
    links = package.download_links
    if not links:
        raise DownloadError(
            f"The index lists no http(s) or file link for {package.label} "
            f"({', '.join(package.links) or 'no links'}). Download it another way and run "
            "`python manage.py mt install PATH`."
        )
    failures = []
    for link in links:
        handle = tempfile.NamedTemporaryFile(
            dir=store.models_dir(), prefix=".download-", suffix=".argosmodel", delete=False
        )
        handle.close()
        target = Path(handle.name)
        try:
            return _fetch_link(package, link, target, progress)
        except (DownloadError, httpx.HTTPError, OSError) as error:
            target.unlink(missing_ok=True)
            failures.append(f"{link}: {error}")
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    raise DownloadError(
        f"Could not download {package.label}; the partial file was deleted and nothing "
        f"was installed. {'; '.join(failures)}. Run the command again to retry; if it "
        "fails the same way, the mirror's file or its index entry is wrong (check "
        "MT_PACKAGE_INDEX)."
    )


def installed_version(package: IndexPackage) -> PackageInfo | None:
    """An installed Argos package for the same pair at this version or newer."""
    for info in store.installed():
        if info.kind == argos.KIND and info.pairs == {package.pair}:
            if version_key(info.version) >= version_key(package.version):
                return info
    return None


def install(package: IndexPackage, progress: Progress = _no_progress) -> Installed:
    """Download, verify and install a package; older Argos packages of the same pair are
    removed once the new one is in place (else the registry could keep choosing them)."""
    downloaded = fetch(package, progress)
    try:
        info = store.install(downloaded.path)
    except EngineError as error:
        raise DownloadError(
            f"{downloaded.link} is not a usable model package ({error}); it was deleted and "
            "nothing was installed. Check MT_PACKAGE_INDEX points at Argos packages."
        ) from error
    finally:
        downloaded.path.unlink(missing_ok=True)
    replaced = [
        other.name
        for other in store.installed()
        if other.kind == argos.KIND and other.pairs == info.pairs and other.name != info.name
    ]
    for name in replaced:
        store.remove(name)
    registry.clear_cache()
    return Installed(info, downloaded, replaced)
