from django import forms
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    # A honeypot: hidden from people by the stylesheet, filled in by form-filling robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
