"""The measurement dashboard and its CSV export (Wagtail admin)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from translations.permissions import dashboard_languages

from . import breakdowns
from .figures import all_figures
from .periods import ALL, PeriodParams, months_between
from .tables import csv_response, language_or_none, series

SEE = "translations.view_translation_dashboard"
EVERY_LANGUAGE = "translations.request_translation"


def visible_languages(user) -> list[str]:
    """Editors and administrators read every language and the total ("all"); reviewers the
    languages they review. Translators, moderators and others read nothing."""
    if not user.has_perm(SEE):
        raise PermissionDenied
    if user.has_perm(EVERY_LANGUAGE):
        return [ALL, *(code for code, _name in settings.LANGUAGES)]
    languages = dashboard_languages(user)
    if not languages:
        raise PermissionDenied
    return languages


def _read(request):
    """(languages the user may see, cleaned parameters) or raise; None params on bad input."""
    languages = visible_languages(request.user)
    known = [ALL, *(code for code, _name in settings.LANGUAGES)]
    params = PeriodParams(request.GET, languages=known)
    if not params.is_valid():
        return languages, params, None
    if params.cleaned_data["language"] not in languages:
        if request.GET.get("language"):
            raise PermissionDenied
        params.cleaned_data["language"] = languages[0]
    months = months_between(params.cleaned_data["start"], params.cleaned_data["end"])
    return languages, params, months


def _bad_request(request, params):
    return TemplateResponse(
        request,
        "measurement/bad_request.html",
        {"message": params.error_message()},
        status=400,
    )


def dashboard_view(request):
    languages, params, months = _read(request)
    if months is None:
        return _bad_request(request, params)
    language = params.cleaned_data["language"]
    code = language_or_none(language)
    start, end = months[0].start, months[-1].end
    names = dict(settings.LANGUAGES)
    return TemplateResponse(
        request,
        "measurement/dashboard.html",
        {
            "months": months,
            "first": months[0],
            "last": months[-1],
            "language": language,
            "language_choices": [
                (option, _("All languages") if option == ALL else names.get(option, option))
                for option in languages
            ],
            "series": [series(figure, code, months) for figure in all_figures()],
            "top_pages": breakdowns.top_pages(code, start, end),
            "top_referrers": breakdowns.top_referrers(code, start, end),
            "provinces": breakdowns.items_by_province(code, start, end),
            "failing_sources": breakdowns.failing_sources(),
            "query": request.GET.urlencode(),
        },
    )


def csv_view(request):
    """Every figure, one row per month and language (the chosen one, or every language
    the user may read)."""
    languages, params, months = _read(request)
    if months is None:
        return _bad_request(request, params)
    chosen = params.cleaned_data["language"]
    rows = languages if not request.GET.get("language") else [chosen]
    filename = f"measurement-{months[0]}-{months[-1]}.csv"
    return csv_response(all_figures(), rows, months, filename)
