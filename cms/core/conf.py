"""An app's settings, declared in one table in the app's own ``conf.py``.

Each app that reads settings of its own lists them there, with a default, a one-line
meaning and the environment variable that sets it::

    SETTINGS = AppSettings(
        Setting("AGGREGATOR_MAX_BYTES", 5 * 1024 * 1024, "largest body fetched, in bytes"),
    )
    get = SETTINGS.get

A value is resolved each time it is asked for (``conf.get("AGGREGATOR_MAX_BYTES")``),
never at import, so ``override_settings`` and pytest-django's ``settings`` fixture work:

1. the project setting of that name, when a settings module or a test sets it;
2. else the environment variable (``env``; the setting's own name unless told otherwise,
   ``None`` for none), read as the default's type: a number, ``true``/``false``, a
   comma-separated list or a path;
3. else the default (a callable default is called then, e.g. one that depends on the
   database engine).

So ``cms/settings/*.py`` hold no app settings: their defaults live only in the apps'
tables, and ``manage.py settings_table`` prints every table for the README.
"""

import copy
import importlib
import importlib.util
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}
SAME = "same"  # the environment variable has the setting's name
PROJECT_PACKAGES = ("cms", "translations")


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    meaning: str
    env: str | None = SAME
    shown_default: str = ""  # how the table shows a computed default

    @property
    def env_name(self) -> str | None:
        return self.name if self.env == SAME else self.env

    def default_value(self) -> Any:
        value = self.default() if callable(self.default) else self.default
        return copy.copy(value)

    def parse(self, raw: str) -> Any:
        """The environment's text read as the default's type."""
        default, text = self.default_value(), raw.strip()
        try:
            if isinstance(default, bool):
                if text.lower() not in TRUE | FALSE:
                    raise ValueError(text)
                return text.lower() in TRUE
            if isinstance(default, list | tuple):
                return [item.strip() for item in text.split(",") if item.strip()]
            if isinstance(default, Path):
                return Path(text)
            return type(default)(text)
        except (TypeError, ValueError):
            kind = _KIND_NAMES.get(type(default), type(default).__name__)
            raise ImproperlyConfigured(f"{self.env_name} must be {kind}, not {raw!r}.") from None

    def shown(self) -> str:
        if self.shown_default:
            return self.shown_default
        value = self.default_value()
        if isinstance(value, bool):
            return "`true`" if value else "`false`"
        if isinstance(value, list | tuple):
            return f"`{','.join(map(str, value))}`" if value else "empty"
        if value == "":
            return "empty"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return f"`{value}`"


_KIND_NAMES = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
}


class AppSettings:
    """The settings table of one app; ``get(name)`` resolves a value (see module doc)."""

    def __init__(self, *table: Setting):
        self.table = {setting.name: setting for setting in table}

    def __iter__(self) -> Iterator[Setting]:
        return iter(self.table.values())

    def get(self, name: str) -> Any:
        setting = self.table[name]
        if hasattr(settings, name):
            return getattr(settings, name)
        raw = os.environ.get(setting.env_name) if setting.env_name else None
        if raw is not None and raw.strip():
            return setting.parse(raw)
        return setting.default_value()


def database_is_sqlite() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def app_tables() -> list[tuple[str, AppSettings]]:
    """Every project app's table: ``SETTINGS`` in its ``conf`` module, in app order."""
    tables = []
    for app in apps.get_app_configs():
        if app.name.split(".")[0] not in PROJECT_PACKAGES:
            continue
        if importlib.util.find_spec(f"{app.name}.conf") is None:
            continue
        table = getattr(importlib.import_module(f"{app.name}.conf"), "SETTINGS", None)
        if isinstance(table, AppSettings):
            tables.append((app.name, table))
    return tables


def check_settings(**kwargs) -> list[checks.CheckMessage]:
    """A system check: every app setting can be read (a bad environment value fails
    ``manage.py check`` and start-up, not a request)."""
    errors = []
    for app_name, table in app_tables():
        for setting in table:
            try:
                table.get(setting.name)
            except ImproperlyConfigured as error:
                errors.append(checks.Error(str(error), obj=app_name, id="cms.E001"))
    return errors


def markdown_table() -> str:
    """Every app setting as a Markdown table (setting, env variable, default, meaning)."""
    lines = ["| setting | env variable | default | meaning |", "|---|---|---|---|"]
    for _app_name, table in app_tables():
        for setting in table:
            env = f"`{setting.env_name}`" if setting.env_name else "none"
            cells = (f"`{setting.name}`", env, setting.shown(), setting.meaning)
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


SETTINGS = AppSettings(
    Setting(
        "PAGE_CACHE_TIMEOUT",
        300,
        "seconds a public page stays in the page cache (publishing empties it); 0 turns it off",
    ),
    Setting(
        "PAGE_FRAGMENT_TIMEOUT",
        300,
        "seconds parts of pages (routes, language links, head, a story's body) are kept"
        " (publishing empties them)",
    ),
    Setting("PAGE_CACHE_ALIAS", "pages", "the cache in CACHES that holds whole pages", env=None),
    Setting("PAGE_CACHE_BROWSER_MAX_AGE", 60, "Cache-Control max-age of a kept page (browsers)"),
    Setting(
        "PAGE_CACHE_SHARED_MAX_AGE",
        300,
        "Cache-Control s-maxage of a kept page (a CDN, which Wagtail's frontend cache purges)",
    ),
    Setting(
        "PAGE_CACHE_SKIP_PREFIXES",
        lambda: [
            *settings.ADMIN_PATH_PREFIXES,
            *(settings.STATIC_URL, settings.MEDIA_URL),
            *("/displays/", "/documents/", "/healthz", "/readyz"),
        ],
        "paths never kept in the page cache",
        env=None,
        shown_default="the admin, static and media paths, displays, documents, health checks",
    ),
)
get = SETTINGS.get
