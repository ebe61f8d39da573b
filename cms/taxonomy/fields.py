"""Taxonomy texts in every language without a column per language.

The Vietnamese text stays in its own column (``name``: ordering, lookups and search use
it); the other languages live in a JSON field ``{language code: text}``. Reading
``province.name`` gives the active language's text, falling back to English, then
Vietnamese, so templates keep using ``.name``. A language added in settings gets its text
in the admin form with no migration.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils import translation
from django.utils.translation import gettext_lazy as _

SOURCE_LANGUAGE = "vi"
FALLBACK_LANGUAGE = "en"


def source_text(instance: models.Model, attname: str) -> str:
    """The stored (Vietnamese) value, loading a deferred field first."""
    if attname not in instance.__dict__:
        instance.refresh_from_db(fields=[attname])
    return instance.__dict__[attname]


def text_in(instance: models.Model, attname: str, store: str, language: str | None) -> str:
    """The text in ``language``, else English, else Vietnamese."""
    source = source_text(instance, attname)
    if not language or language == SOURCE_LANGUAGE:
        return source
    texts = getattr(instance, store) or {}
    return texts.get(language.lower()) or texts.get(FALLBACK_LANGUAGE) or source


def translated_languages() -> list[tuple[str, str]]:
    """The languages other than Vietnamese that get a field in the admin, from settings
    at the time of the request (so a language added with EXTRA_LANGUAGES is there)."""
    return [(code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


class TranslatedAttribute(DeferredAttribute):
    """``obj.name``: the active language's text; assigning sets the Vietnamese column."""

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        field = self.field
        return text_in(instance, field.attname, field.translations, translation.get_language())

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value


class SourceTextField(models.CharField):
    """The Vietnamese column of a text whose translations live in the JSON field named by
    ``translations``."""

    descriptor_class = TranslatedAttribute

    def __init__(self, *args, translations: str, **kwargs):
        self.translations = translations
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, {**kwargs, "translations": self.translations}

    def pre_save(self, model_instance, add):
        return source_text(model_instance, self.attname)

    def value_from_object(self, obj):
        return source_text(obj, self.attname)


class LanguageTextsWidget(forms.Widget):
    """One text input per language of settings.LANGUAGES (except Vietnamese)."""

    template_name = "taxonomy/widgets/language_texts.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        texts = value if isinstance(value, dict) else {}
        base_id = (attrs or {}).get("id") or f"id_{name}"
        context["widget"]["languages"] = [
            {
                "code": code,
                "label": label,
                "name": f"{name}-{code}",
                "id": f"{base_id}-{code}",
                "value": texts.get(code, ""),
            }
            for code, label in translated_languages()
        ]
        return context

    def value_from_datadict(self, data, files, name):
        return {code: data.get(f"{name}-{code}", "") for code, _label in translated_languages()}

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{code}" in data for code, _label in translated_languages())

    def id_for_label(self, id_):
        return ""


class LanguageTextsFormField(forms.Field):
    widget = LanguageTextsWidget

    def __init__(self, *, max_length: int | None = None, **kwargs):
        self.max_length = max_length
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(**kwargs)

    def to_python(self, value) -> dict[str, str]:
        if not isinstance(value, dict):
            return {}
        return {code: str(text).strip() for code, text in value.items() if str(text).strip()}

    def validate(self, value):
        super().validate(value)
        if self.max_length is None:
            return
        labels = dict(settings.LANGUAGES)
        for code, text in value.items():
            if len(text) > self.max_length:
                raise forms.ValidationError(
                    _("The %(language)s text is longer than %(limit)d characters."),
                    code="max_length",
                    params={"language": labels.get(code, code), "limit": self.max_length},
                )

    def has_changed(self, initial, data) -> bool:
        return self.to_python(initial) != self.to_python(data)


class LanguageTextsField(models.JSONField):
    """``{language code: text}`` for every language but Vietnamese."""

    def __init__(self, *args, max_length: int | None = None, **kwargs):
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.text_max_length is not None:
            kwargs["max_length"] = self.text_max_length
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return LanguageTextsFormField(
            max_length=self.text_max_length,
            required=False,
            label=kwargs.get("label") or self.verbose_name,
            help_text=self.help_text,
        )

    def save_form_data(self, instance, data):
        """Keep the texts of languages no longer in settings: the form does not show them,
        and removing a language from settings must lose nothing."""
        shown = {code for code, _label in translated_languages()}
        kept = {
            code: text
            for code, text in (getattr(instance, self.attname) or {}).items()
            if code not in shown
        }
        setattr(instance, self.attname, {**kept, **(data or {})})
