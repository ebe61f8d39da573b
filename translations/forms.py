from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class RequestTranslationsForm(forms.Form):
    locales = forms.ModelMultipleChoiceField(
        label=_("Languages"),
        queryset=Locale.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locales"].queryset = Locale.objects.exclude(pk=page.locale_id).order_by(
            "language_code"
        )


class ApproveForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reason for overriding failed checks"), required=False, widget=forms.Textarea
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(label=_("What should change"), widget=forms.Textarea)
