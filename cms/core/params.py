"""Reading the query string of public views: one set of rules for every view.

A view declares its parameters as a ``ParamsForm`` over ``request.GET``. A bad value gets
one of two answers:

- *malformed* (a value no link or form of the site produces): control characters, NUL
  included; bytes that are not UTF-8 (Django decodes them to U+FFFD); a value longer than
  the parameter allows; a single-valued parameter given more than once. ``rejection()``
  returns a short message naming the parameter and the view answers 400 with it
  (``bad_request`` for pages, ``bad_request_json`` for JSON endpoints). Malformed values
  are checked before any field is cleaned, so none reaches the database (PostgreSQL
  refuses NUL in text; SQLite overflows on far dates and huge integers).
- *unusable* (well-formed but meaningless here): an unknown choice, a date that does not
  exist or lies outside ``MIN_DATE``..``MAX_DATE``, a page number that is not between 1
  and the maximum. The parameter is ignored: ``usable()`` leaves it out and ``ignored``
  names it, so the page can say so.

Parameters a form does not declare are ignored whatever they hold. A ``TextParam`` built
with ``strip_controls=True`` (a search box) turns control characters and undecodable
bytes into spaces instead of refusing them.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.text.dates import MAX_DATE, MIN_DATE, within_bounds
from cms.text.normalise import UNDECODABLE, has_controls, without_controls

MAX_PAGE = 10_000
RAW_LIMIT = 100  # characters, for parameters that set no max_length of their own
MALFORMED = frozenset({"control", "undecodable", "repeated", "max_length"})


class TextParam(forms.CharField):
    """Text; malformed when it holds control characters (unless ``strip_controls``)."""

    def __init__(self, *, max_length: int = RAW_LIMIT, strip_controls: bool = False, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(max_length=max_length, **kwargs)
        self.strip_controls = strip_controls

    def to_python(self, value):
        value = super().to_python(value)
        return without_controls(value) if self.strip_controls else value


class SlugParam(forms.SlugField):
    def __init__(self, *, max_length: int = RAW_LIMIT, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(max_length=max_length, **kwargs)


class DateParam(forms.DateField):
    """An ISO date (YYYY-MM-DD) between MIN_DATE and MAX_DATE; others are unusable."""

    raw_limit = 32

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)

    def to_python(self, value):
        day = super().to_python(value)
        if day is not None and not within_bounds(day):
            raise ValidationError(
                gettext_lazy("Give a date between %(first)s and %(last)s."),
                code="out_of_range",
                params={"first": MIN_DATE.year, "last": MAX_DATE.year},
            )
        return day


class PageParam(forms.IntegerField):
    """A page number from 1 to ``max_value``; others are unusable."""

    raw_limit = 20

    def __init__(self, *, max_value: int = MAX_PAGE, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(min_value=1, max_value=max_value, **kwargs)


class FlagParam(forms.BooleanField):
    raw_limit = 10

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class ParamsForm(forms.Form):
    """A form over a query string; see the module docstring for what happens to bad values.

    Always bound: an empty query string is a valid one.
    """

    def __init__(self, query, **kwargs):
        super().__init__(query, **kwargs)

    def full_clean(self):
        malformed = {
            name: error
            for name, field in self.fields.items()
            if (error := self._malformed(name, field)) is not None
        }
        if malformed:
            self.data = self.data.copy()
            for name in malformed:
                self.data.pop(name, None)
        super().full_clean()
        for name, error in malformed.items():
            self.add_error(name, error)

    def _malformed(self, name: str, field: forms.Field) -> ValidationError | None:
        values = self.data.getlist(name) if hasattr(self.data, "getlist") else []
        if len(values) > 1 and not getattr(field.widget, "allow_multiple_selected", False):
            return ValidationError(_("give it only once."), code="repeated")
        limit = getattr(field, "raw_limit", None) or getattr(field, "max_length", None)
        for value in values:
            value = str(value)
            if len(value) > (limit or RAW_LIMIT):
                return ValidationError(
                    _("it is longer than %(limit)d characters.") % {"limit": limit or RAW_LIMIT},
                    code="max_length",
                )
            if getattr(field, "strip_controls", False):
                continue
            if has_controls(value):
                return ValidationError(_("control characters are not allowed."), code="control")
            if UNDECODABLE in value:
                return ValidationError(_("it is not valid UTF-8."), code="undecodable")
        return None

    def rejection(self) -> str | None:
        """The message for a 400 answer when a parameter is malformed, else None."""
        for name, errors in self.errors.as_data().items():
            for error in errors:
                if error.code in MALFORMED:
                    reason = " ".join(error.messages)
                    return _("Bad parameter “%(name)s”: %(reason)s") % {
                        "name": name,
                        "reason": reason,
                    }
        return None

    @property
    def ignored(self) -> list[str]:
        """Names of the parameters left out because their values are unusable."""
        return sorted(self.errors)

    def usable(self) -> dict:
        """Cleaned values of the parameters that are neither malformed nor unusable."""
        self.is_valid()
        return dict(self.cleaned_data)


def bad_request(request, message: str, **context):
    """A 400 page in the site's layout with ``message``."""
    return render(request, "400.html", {"message": message, **context}, status=400)


def bad_request_json(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})


class PageParams(ParamsForm):
    """A listing's query string: only ``page``."""

    page = PageParam()
