"""The catalogue's query string. Unlike listings, which ignore an unusable value, the
catalogue refuses any bad filter with a 400: a reader who exports a filtered set must
never get the whole catalogue because a filter was silently dropped."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from cms.core.params import DateParam, PageParam, ParamsForm
from cms.taxonomy.models import Province, Topic

from .entries import Filters, content_kinds, licences

FORMATS = ("html", "csv", "json")


def _choices(values) -> list[tuple[str, str]]:
    return [("", "")] + [(value, value) for value in values]


class CatalogueParams(ParamsForm):
    type = forms.ChoiceField(required=False)
    language = forms.ChoiceField(required=False)
    province = forms.ChoiceField(required=False)
    topic = forms.ChoiceField(required=False)
    date_from = DateParam()
    date_to = DateParam()
    licence = forms.ChoiceField(required=False)
    page = PageParam()
    format = forms.ChoiceField(required=False, choices=_choices(FORMATS))

    def __init__(self, query, **kwargs):
        super().__init__(query, **kwargs)
        self.fields["type"].choices = _choices(kind.key for kind in content_kinds())
        self.fields["language"].choices = _choices(code for code, _name in settings.LANGUAGES)
        self.fields["province"].choices = _choices(
            Province.objects.order_by("code").values_list("code", flat=True)
        )
        self.fields["topic"].choices = _choices(
            Topic.objects.order_by("slug").values_list("slug", flat=True)
        )
        self.fields["licence"].choices = _choices(licences())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("it is before date_from."))
        return cleaned

    def problem(self) -> str | None:
        """The message for a 400 answer, whatever is wrong (malformed or unusable)."""
        if self.is_valid():
            return None
        if rejection := self.rejection():
            return rejection
        name, errors = next(iter(self.errors.items()))
        return _("Bad parameter “%(name)s”: %(reason)s") % {
            "name": name,
            "reason": " ".join(errors),
        }

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            type=data.get("type") or "",
            language=data.get("language") or "",
            province=data.get("province") or "",
            topic=data.get("topic") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            licence=data.get("licence") or "",
        )
