"""Installed model packages on disk: install from files, list, remove."""

import shutil
import tempfile
import zipfile
from pathlib import Path

from .. import conf
from . import argos, multilingual
from .base import EngineError, PackageInfo

MAX_UNPACKED_BYTES = 8 * 1024**3


def models_dir() -> Path:
    path = Path(conf.get("MT_MODELS_DIR"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _package_root(unpacked: Path) -> Path:
    """The directory holding metadata.json: the unpacked folder or its only child."""
    if (unpacked / "metadata.json").exists():
        return unpacked
    children = [child for child in unpacked.iterdir() if child.is_dir()]
    if len(children) == 1 and (children[0] / "metadata.json").exists():
        return children[0]
    raise EngineError(f"No metadata.json found in {unpacked.name}: is this a model package?")


def _safe_extract(archive: zipfile.ZipFile, target: Path) -> None:
    total = 0
    for member in archive.infolist():
        destination = (target / member.filename).resolve()
        if not destination.is_relative_to(target.resolve()):
            raise EngineError(f"Refusing {member.filename!r}: it would unpack outside the package.")
        total += member.file_size
        if total > MAX_UNPACKED_BYTES:
            raise EngineError("Package unpacks to more than 8 GiB; refusing it.")
    archive.extractall(target)


def read_package(path: Path) -> PackageInfo:
    if multilingual.is_multilingual(path):
        return multilingual.package_info(path)
    return argos.package_info(path)


def install(source: Path) -> PackageInfo:
    """Install a package from a .argosmodel/.zip file or a directory, replacing any
    installed package of the same name. Nothing is left behind if it is invalid."""
    source = Path(source)
    if not source.exists():
        raise EngineError(f"{source} does not exist.")
    root = models_dir()
    with tempfile.TemporaryDirectory(dir=root, prefix=".installing-") as tmp:
        staging = Path(tmp) / "unpacked"
        if source.is_dir():
            shutil.copytree(source, staging)
        else:
            try:
                with zipfile.ZipFile(source) as archive:
                    _safe_extract(archive, staging)
            except zipfile.BadZipFile as error:
                raise EngineError(f"{source} is not a zip archive: {error}") from error
        package = _package_root(staging)
        read_package(package)  # refuses an invalid package before anything is replaced
        name = package.name if package != staging else source.stem
        destination = root / name
        if destination.exists():
            shutil.rmtree(destination)
        shutil.move(str(package), destination)
    return read_package(destination)


def installed() -> list[PackageInfo]:
    packages = []
    for path in sorted(models_dir().iterdir()):
        if path.is_dir() and not path.name.startswith("."):
            try:
                packages.append(read_package(path))
            except EngineError:
                continue
    return packages


def remove(name: str) -> None:
    path = models_dir() / name
    if not path.is_dir() or name.startswith(".") or "/" in name:
        raise EngineError(f"No installed package named {name!r}; see `mt list`.")
    shutil.rmtree(path)
