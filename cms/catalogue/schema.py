"""The catalogue's columns: names are stable (CSV header, JSON keys); the schema is served
at ``catalogue/schema.json`` so that a reader can check it."""

from django.utils.translation import gettext_lazy as _

# name, JSON type, meaning
COLUMNS: list[tuple[str, str, object]] = [
    ("id", "integer", _("The page's id; stable for the page's life.")),
    ("type", "string", _("Content type, as app_label.model (e.g. stories.storypage).")),
    ("type_label", "string", _("The content type's name in the catalogue's language.")),
    ("language", "string", _("Language code of the page (vi, en, zh-hans, lo, km, ...).")),
    ("title", "string", _("The page's title.")),
    ("url", "string", _("Absolute address of the page.")),
    (
        "date_published",
        "string",
        _("Publication date and time, ISO 8601 in UTC (first publication if it has none)."),
    ),
    ("province", "string", _("Province code (taxonomy), empty when none.")),
    ("topics", "array", _("Topic slugs; in CSV joined by ';'.")),
    ("licence", "string", _("Licence the page is published under.")),
    ("licence_url", "string", _("Address of the licence text, when known.")),
    ("translation_key", "string", _("Shared by a page and its translations (UUID).")),
]
NAMES = [name for name, _type, _meaning in COLUMNS]


def schema_json() -> dict:
    return {
        "name": "catalogue",
        "fields": [
            {"name": name, "type": kind, "description": str(meaning)}
            for name, kind, meaning in COLUMNS
        ],
        "primaryKey": "id",
    }
