"""The search endpoints' query strings (rules for bad values: cms.core.params).

- ``q``: control characters and undecodable bytes become spaces, anything past 500
  characters is dropped when the query is run; more than 10,000 characters is a 400.
- ``type``, ``province``, ``date_from``, ``date_to``, ``page``: an unknown type or
  province, an impossible date or one outside 1900-2100, a page outside 1-1000 are
  ignored and the answer says so. ``section`` is applied as given: a slug of no section
  finds nothing.
- a single-valued parameter given twice, control characters or undecodable bytes in a
  filter: 400.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.core.params import DateParam, FlagParam, PageParam, ParamsForm, SlugParam, TextParam
from cms.taxonomy.models import Province

from .models import Kind

MAX_INPUT_LENGTH = 10_000


class SearchForm(ParamsForm):
    q = TextParam(label=_("Search"), max_length=MAX_INPUT_LENGTH, strip_controls=True)
    type = forms.MultipleChoiceField(
        label=_("Type"), choices=Kind.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    section = SlugParam(label=_("Section"), max_length=100)
    province = forms.ModelChoiceField(
        Province.objects.all(), label=_("Province"), to_field_name="code", required=False
    )
    date_from = DateParam(label=_("From"))
    date_to = DateParam(label=_("To"))
    all_languages = FlagParam(label=_("Search every language"))
    page = PageParam(max_value=1000)


class SuggestForm(ParamsForm):
    q = TextParam(max_length=MAX_INPUT_LENGTH, strip_controls=True)
    all_languages = FlagParam()
