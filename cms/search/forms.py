from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kind


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=10000)
    type = forms.MultipleChoiceField(
        label=_("Type"), choices=Kind.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    section = forms.SlugField(label=_("Section"), required=False, max_length=100)
    province = forms.SlugField(label=_("Province"), required=False, max_length=40)
    date_from = forms.DateField(label=_("From"), required=False)
    date_to = forms.DateField(label=_("To"), required=False)
    all_languages = forms.BooleanField(label=_("Search every language"), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)
