"""UI catalogue skeletons for languages the site adds (Ê Đê, Gia Rai, ...).

Django offers a language only when it finds a catalogue for it, so a language that Django
does not know needs one before ``/rad/`` works. The skeleton holds every message of the
site's own catalogue (taken from the English one) with an empty translation, so the UI
shows English until translators fill it in (``make messages`` keeps it up to date); it is
compiled at once with Babel, no GNU gettext needed.
"""

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.utils.translation import to_locale

TEMPLATE_LANGUAGE = "en"


def catalogue_dir(code: str, root: Path | None = None) -> Path:
    return Path(root or settings.LOCALE_PATHS[0]) / to_locale(code) / "LC_MESSAGES"


def has_catalogue(code: str) -> bool:
    """A compiled catalogue of ours or Django's exists for ``code``."""
    from django.utils.translation.trans_real import check_for_language

    forget_languages_checked()  # a skeleton may have been written since Django last looked
    return any(
        (Path(root) / to_locale(code) / "LC_MESSAGES" / "django.mo").is_file()
        for root in settings.LOCALE_PATHS
    ) or check_for_language(code)


def write_skeleton(code: str, name: str, root: Path | None = None) -> Path:
    """Write and compile ``django.po`` for ``code`` with every msgid and no translations."""
    source = catalogue_dir(TEMPLATE_LANGUAGE, Path(settings.LOCALE_PATHS[-1])) / "django.po"
    with source.open("rb") as handle:
        template = read_po(handle)
    catalogue = Catalog(
        locale=None,
        project="vnip",
        language_team=f"{name} <{code}>",
        charset="utf-8",
        fuzzy=False,
    )
    # Babel knows no Ê Đê locale; the header names the language for translators' tools.
    catalogue.mime_headers = [*catalogue.mime_headers, ("Language", code)]
    for message in template:
        if message.id:
            catalogue.add(message.id, "", context=message.context)
    folder = catalogue_dir(code, root)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "django.po").open("wb") as handle:
        write_po(handle, catalogue, width=100)
    with (folder / "django.mo").open("wb") as handle:
        write_mo(handle, catalogue)
    forget_languages_checked()
    return folder / "django.po"


def forget_languages_checked() -> None:
    """Django remembers which languages have no catalogue; this process now has one more."""
    from django.utils.translation import trans_real

    for cached in (
        getattr(trans_real, "translation_catalog_exists", None),  # Django 5.2.9+
        trans_real.check_for_language,
        trans_real.get_supported_language_variant,
        trans_real.get_languages,
    ):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()
