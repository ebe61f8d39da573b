from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .engines.registry import Registry, Route, mt_code


@dataclass(frozen=True)
class LanguageRoute:
    """One language of the request form: the route that would serve it, or what to install."""

    locale: Locale
    route: Route | None
    hint: str = ""


def install_hint(registry: Registry, source: str, target: str) -> str:
    packages = " ".join(
        f"translate-{a}_{b}-*.argosmodel" for a, b in registry.missing_pairs(source, target)
    )
    values = {"packages": packages, "language": mt_code(target)}
    if registry.remote:
        return (
            gettext(
                "No model serves this language. Install one with "
                "`python manage.py mt install %(packages)s` (or a multilingual model that has "
                "%(language)s), or add %(language)s to MT_LIBRETRANSLATE_LANGUAGES."
            )
            % values
        )
    return (
        gettext(
            "No model serves this language. Install one with "
            "`python manage.py mt install %(packages)s` (or a multilingual model that has "
            "%(language)s), or set MT_LIBRETRANSLATE_URL."
        )
        % values
    )


class RouteCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose languages without a route are disabled."""

    unavailable: frozenset = frozenset()

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if getattr(value, "value", value) in self.unavailable:
            option["attrs"]["disabled"] = True
        option["attrs"]["aria-describedby"] = f"{option['attrs'].get('id', name)}_route"
        return option


class RequestTranslationsForm(forms.Form):
    """Languages to draft by machine translation, each with the route that will serve it.
    Languages no installed model reaches are shown disabled and refused if posted."""

    locales = forms.ModelMultipleChoiceField(
        label=_("Languages"),
        queryset=Locale.objects.none(),
        widget=RouteCheckboxes,
    )

    def __init__(self, *args, page, registry: Registry | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        registry = registry or Registry()
        source = page.locale.language_code
        locales = Locale.objects.exclude(pk=page.locale_id).order_by("language_code")
        self.routes: dict[int, LanguageRoute] = {}
        for locale in locales:
            route = registry.find_route(source, locale.language_code)
            hint = "" if route else install_hint(registry, source, locale.language_code)
            self.routes[locale.pk] = LanguageRoute(locale, route, hint)
        field = self.fields["locales"]
        field.queryset = locales
        field.widget.unavailable = frozenset(
            pk for pk, language in self.routes.items() if language.route is None
        )

    def clean_locales(self):
        locales = self.cleaned_data["locales"]
        missing = [locale for locale in locales if self.routes[locale.pk].route is None]
        if missing:
            raise forms.ValidationError(
                _(
                    "No installed model translates into: %(languages)s. "
                    "Ask an administrator to install one."
                ),
                params={"languages": ", ".join(str(locale) for locale in missing)},
                code="no_route",
            )
        return locales

    def rows(self) -> list[tuple]:
        """(checkbox, LanguageRoute) per language, in the order of the checkboxes."""
        return [(option, self.routes[option.data["value"].value]) for option in self["locales"]]


class ApproveForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reason for overriding failed checks"), required=False, widget=forms.Textarea
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(label=_("What should change"), widget=forms.Textarea)
