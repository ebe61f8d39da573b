"""Choosing an engine per language pair, pivoting through English, caching loaded models.

Loaded models are kept per process and reloaded when their files change on disk.
"""

import threading
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from .. import conf
from . import argos, multilingual, store
from .base import DecodingOptions, Engine, EngineError, PackageInfo
from .libretranslate import LibreTranslateEngine

PIVOT = "en"
KIND_PREFERENCE = {argos.KIND: 0, multilingual.KIND: 1, "libretranslate": 2}

_cache: dict[Path, tuple[tuple, Engine]] = {}
_lock = threading.Lock()


def mt_code(language_code: str) -> str:
    """The code model packages use for a site language (``zh-hans`` → ``zh``)."""
    aliases = conf.get("MT_LANGUAGE_ALIASES")
    return aliases.get(language_code, language_code.split("-")[0].lower())


def decoding_options() -> DecodingOptions:
    options = {
        "beam_size": conf.get("MT_BEAM_SIZE"),
        "max_batch_size": conf.get("MT_MAX_BATCH_SIZE"),
    }
    return DecodingOptions(**{**options, **conf.get("MT_DECODING")})


def _signature(path: Path) -> tuple:
    files = [path / "metadata.json", *sorted(path.rglob("model.bin"))]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())


def load_engine(info: PackageInfo) -> Engine:
    with _lock:
        signature = _signature(info.path)
        cached = _cache.get(info.path)
        if cached and cached[0] == signature:
            return cached[1]
        options = decoding_options()
        if info.kind == multilingual.KIND:
            engine: Engine = multilingual.MultilingualEngine(info.path, options)
        else:
            engine = argos.ArgosEngine(info.path, options)
        _cache[info.path] = (signature, engine)
        return engine


def clear_cache() -> None:
    with _lock:
        _cache.clear()


@dataclass(frozen=True)
class Step:
    """One hop of a route: translate ``source`` → ``target`` with ``package``."""

    package: str
    kind: str
    source: str
    target: str


def describe_step(step: Step) -> str:
    if step.kind == argos.KIND:
        return _("Argos package %(name)s") % {"name": step.package}
    if step.kind == multilingual.KIND:
        return _("multilingual model %(name)s") % {"name": step.package}
    return _("LibreTranslate service")


@dataclass(frozen=True)
class Route:
    """How a language pair is translated, described for people choosing languages."""

    steps: tuple[Step, ...]

    @property
    def pivots(self) -> bool:
        return len(self.steps) > 1

    @property
    def description(self) -> str:
        if not self.steps:
            return _("same language: nothing to translate")
        if not self.pivots:
            return describe_step(self.steps[0])
        first, second = self.steps
        return _("through English: %(first)s, then %(second)s") % {
            "first": describe_step(first),
            "second": describe_step(second),
        }


class Registry:
    """What is installed, and how to get from one language to another."""

    def __init__(self, packages: list[PackageInfo] | None = None):
        self.packages = store.installed() if packages is None else packages
        self.remote = self._remote_engine()

    @staticmethod
    def _remote_engine() -> LibreTranslateEngine | None:
        url = conf.get("MT_LIBRETRANSLATE_URL")
        if not url:
            return None
        return LibreTranslateEngine(
            url,
            api_key=conf.get("MT_LIBRETRANSLATE_API_KEY"),
            timeout=conf.get("MT_LIBRETRANSLATE_TIMEOUT"),
            languages=conf.get("MT_LIBRETRANSLATE_LANGUAGES"),
        )

    def _direct(self, source: str, target: str) -> Step | None:
        candidates = [p for p in self.packages if (source, target) in p.pairs]
        if candidates:
            best = min(candidates, key=lambda p: (KIND_PREFERENCE.get(p.kind, 9), p.name))
            return Step(best.name, best.kind, source, target)
        if self.remote and (source, target) in self.remote.pairs():
            return Step(self.remote.name, self.remote.kind, source, target)
        return None

    def route(self, source: str, target: str) -> list[Step]:
        """The steps from source to target: one direct step, or two through English."""
        source, target = mt_code(source), mt_code(target)
        if source == target:
            return []
        direct = self._direct(source, target)
        if direct:
            return [direct]
        if PIVOT not in (source, target):
            first, second = self._direct(source, PIVOT), self._direct(PIVOT, target)
            if first and second:
                return [first, second]
        raise EngineError(
            f"No model translates {source}→{target}, directly or through English. "
            "Install one with `python manage.py mt install PATH` (see README)."
        )

    def find_route(self, source: str, target: str) -> Route | None:
        """The route ``translate`` would take, or None. Read-only: for showing in the admin."""
        try:
            return Route(tuple(self.route(source, target)))
        except EngineError:
            return None

    def missing_pairs(self, source: str, target: str) -> list[tuple[str, str]]:
        """The direct pairs still to install for source→target: the pair itself when
        English is one end, else the missing legs through English."""
        source, target = mt_code(source), mt_code(target)
        if PIVOT in (source, target):
            legs = [(source, target)]
        else:
            legs = [(source, PIVOT), (PIVOT, target)]
        return [leg for leg in legs if self._direct(*leg) is None]

    def can_translate(self, source: str, target: str) -> bool:
        try:
            self.route(source, target)
        except EngineError:
            return False
        return True

    def engine(self, step: Step) -> Engine:
        if step.kind == "libretranslate" and self.remote:
            return self.remote
        for package in self.packages:
            if package.name == step.package:
                return load_engine(package)
        raise EngineError(f"Package {step.package} is no longer installed.")

    def reachable(self) -> dict[tuple[str, str], str]:
        """Every pair that can be translated, with 'direct' or 'via en'."""
        direct = {pair for package in self.packages for pair in package.pairs}
        if self.remote:
            direct |= self.remote.pairs()
        reachable = {pair: "direct" for pair in direct}
        for a, pivot_a in direct:
            if pivot_a != PIVOT:
                continue
            for pivot_b, b in direct:
                if pivot_b == PIVOT and a != b and (a, b) not in reachable:
                    reachable[(a, b)] = f"via {PIVOT}"
        return dict(sorted(reachable.items()))

    def translate(self, sentences: list[str], source: str, target: str) -> tuple[list[str], str]:
        """Translate plain sentences; returns them and a label of the engines used."""
        steps = self.route(source, target)
        texts = list(sentences)
        for step in steps:
            texts = self.engine(step).translate(texts, step.source, step.target)
        return texts, " + ".join(step.package for step in steps) or "identity"
