from django import forms
from django.utils.translation import gettext_lazy as _

from cms.core.params import PageParam, ParamsForm

from .models import Channel, ChannelKind, PostStatus

TEXT_LIMIT = 5000


class ChannelForm(forms.ModelForm):
    """The token is written, never shown: leave it empty to keep the stored one."""

    api_base = forms.URLField(
        label=_("API base URL"),
        required=False,
        assume_scheme="https",
        help_text=Channel._meta.get_field("api_base").help_text,
    )
    token = forms.CharField(
        label=_("access token"),
        required=False,
        max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )

    class Meta:
        model = Channel
        fields = ["kind", "language", "name", "api_base", "token", "target", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.token:
            self.fields["token"].help_text = _(
                "Stored: %(masked)s. Leave empty to keep it; type a new token to replace it."
            ) % {"masked": self.instance.masked_token}

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if token:
            return token
        if self.instance.pk and self.instance.token:
            return self.instance.token
        raise forms.ValidationError(_("Enter the platform's access token."))

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in (ChannelKind.TELEGRAM, ChannelKind.FACEBOOK) and not data.get("target"):
            self.add_error("target", _("Enter the Telegram channel or the Facebook Page id."))
        if kind == ChannelKind.MASTODON and not data.get("api_base"):
            from . import conf

            if not conf.get("SOCIAL_MASTODON_API"):
                self.add_error("api_base", _("Enter the Mastodon instance URL."))
        return data


class QueueForm(forms.Form):
    channels = forms.ModelMultipleChoiceField(
        queryset=Channel.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Channels"),
        error_messages={"required": _("Choose at least one channel.")},
    )
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}), max_length=TEXT_LIMIT
    )
    with_image = forms.BooleanField(label=_("Attach the share image"), required=False)

    def __init__(self, *args, channels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channels"].queryset = channels


class PostListParams(ParamsForm):
    status = forms.ChoiceField(choices=PostStatus.choices, required=False)
    page_id = PageParam(max_value=2**31 - 1)
    p = PageParam()
