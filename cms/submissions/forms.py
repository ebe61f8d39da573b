"""The public form and the moderator's form."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.text.normalise import has_controls

from . import conf
from .models import Submission
from .spam import text_problem
from .tokens import fill_token, form_age
from .uploads import checked_photo

HONEYPOT = "website"
TEXT_MAX_LENGTH = 20_000  # characters: a long story, not a book


class Refused(ValidationError):
    """A refusal of the whole submission (spam defences), shown above the form."""


class SubmissionForm(forms.ModelForm):
    # The honeypot: hidden from people by CSS (submissions.css), left empty by them.
    website = forms.CharField(
        label=gettext_lazy("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)
    consent_processing = forms.BooleanField(
        label=gettext_lazy(
            "I agree that this site stores and processes what I send (my name, country and "
            "e-mail) to moderate it and contact me."
        ),
        required=True,
    )
    consent_name = forms.BooleanField(
        label=gettext_lazy("Publish my name and country with my contribution."),
        required=False,
    )

    class Meta:
        model = Submission
        fields = [
            "name",
            "country",
            "email",
            "title",
            "text",
            "photo",
            "photo_description",
            "licence",
            "consent_processing",
            "consent_name",
        ]
        widgets = {
            "licence": forms.RadioSelect,
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }
        help_texts = {
            "email": gettext_lazy("We send you a link to confirm it; it is never published."),
            "photo": gettext_lazy("Optional. JPEG, PNG or WebP. Location data is removed."),
            "photo_description": gettext_lazy(
                "What the photo shows, for people who cannot see it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "country", "email", "title", "text"):
            self.fields[name].required = True
        self.fields["text"].validators.append(MaxLengthValidator(TEXT_MAX_LENGTH))
        self.fields["text"].widget.attrs["maxlength"] = TEXT_MAX_LENGTH
        self.fields["licence"].choices = self.fields["licence"].choices[1:]  # no blank
        if not self.is_bound:
            self.initial["started"] = fill_token()

    def clean(self):
        data = super().clean()
        if self.data.get(HONEYPOT):
            raise Refused(
                _(
                    "Your submission looks automated and was not accepted. "
                    "If you are a person, leave the last field empty and send it again."
                ),
                code="honeypot",
            )
        age = form_age(self.data.get("started", ""))
        if age is None:
            raise Refused(
                _("The form was damaged. Reload the page and send it again."), code="token"
            )
        if age < conf.get("SUBMISSIONS_MIN_FILL_SECONDS"):
            raise Refused(
                _("You sent the form too quickly. Wait a few seconds, then send it again."),
                code="too_fast",
            )
        if age > conf.get("SUBMISSIONS_MAX_FILL_SECONDS"):
            raise Refused(
                _("The form is too old. Reload the page and send it again."), code="expired"
            )
        return data

    def _clean_plain(self, name: str) -> str:
        value = self.cleaned_data.get(name, "")
        if has_controls(value.replace("\n", "").replace("\r", "").replace("\t", "")):
            raise ValidationError(_("Remove the control characters from this field."))
        return value

    def clean_name(self) -> str:
        return self._clean_plain("name")

    def clean_country(self) -> str:
        return self._clean_plain("country")

    def clean_title(self) -> str:
        value = self._clean_plain("title")
        if problem := text_problem(value):
            raise ValidationError(problem, code="spam")
        return value

    def clean_text(self) -> str:
        value = self._clean_plain("text")
        if problem := text_problem(value):
            raise ValidationError(problem, code="spam")
        return value

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return None
        return checked_photo(photo)


class ModerationForm(forms.Form):
    """What a moderator may change before approving, and the reason for a rejection."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=200, required=False)
    text = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea, required=False)
    image_alt = forms.CharField(
        label=gettext_lazy("Photo alternative text"), max_length=255, required=False
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to the author when rejecting)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, submission: Submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission = submission

    def clean_for(self, action: str) -> bool:
        """Validate for ``approve`` or ``reject``; errors are added to the form."""
        if not self.is_valid():
            return False
        data = self.cleaned_data
        if action == "approve":
            if not data["title"].strip():
                self.add_error("title", _("A published contribution needs a title."))
            if not data["text"].strip():
                self.add_error("text", _("A published contribution needs its text."))
            if self.submission.photo and not data["image_alt"].strip():
                self.add_error("image_alt", _("Describe the photo for people who cannot see it."))
        elif action == "reject" and not data["reason"].strip():
            self.add_error("reason", _("Give the author a reason for the rejection."))
        return not self.errors
