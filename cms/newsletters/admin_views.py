"""Admin: build a language's digest, preview it, send it (each checked per language)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .digest import EmptyDigest, build_issue
from .models import Issue, IssueStatus, Subscriber
from .permissions import manageable_languages, may_manage
from .tasks import send_issue


class BuildForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"))

    def __init__(self, *args, languages: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages


def index_view(request):
    languages = manageable_languages(request.user)
    if not languages:
        raise PermissionDenied
    codes = [code for code, _name in languages]
    subscribers = dict(
        Subscriber.objects.confirmed()
        .filter(language__in=codes)
        .values_list("language")
        .annotate(n=Count("pk"))
    )
    context = {
        "form": BuildForm(languages=languages),
        "issues": Issue.objects.filter(language__in=codes)[:50],
        "subscribers": [(code, name, subscribers.get(code, 0)) for code, name in languages],
    }
    return TemplateResponse(request, "newsletters/admin/index.html", context)


@require_POST
def build_view(request):
    languages = manageable_languages(request.user)
    if not languages:
        raise PermissionDenied
    form = BuildForm(request.POST, languages=languages)
    if not form.is_valid():
        messages.error(request, _("Choose one of the languages listed."))
        return redirect("newsletters_admin:index")
    try:
        issue = build_issue(form.cleaned_data["language"], user=request.user)
    except EmptyDigest as error:
        messages.error(request, str(error))
        return redirect("newsletters_admin:index")
    messages.success(request, _("Digest built. Check the preview, then send it."))
    return redirect("newsletters_admin:issue", issue.pk)


def managed_issue(request, pk: int) -> Issue:
    issue = get_object_or_404(Issue, pk=pk)
    if not may_manage(request.user, issue.language):
        raise PermissionDenied
    return issue


def issue_view(request, pk: int):
    issue = managed_issue(request, pk)
    deliveries = dict(issue.deliveries.values_list("status").annotate(n=Count("pk")))
    context = {
        "issue": issue,
        "deliveries": sorted(deliveries.items()),
        "recipients": Subscriber.objects.confirmed().filter(language=issue.language).count(),
        "is_draft": issue.status == IssueStatus.DRAFT,
    }
    return TemplateResponse(request, "newsletters/admin/issue.html", context)


def preview_view(request, pk: int):
    """The HTML part as the archive copy has it (rendered from escaped templates)."""
    issue = managed_issue(request, pk)
    return HttpResponse(issue.html_body, content_type="text/html; charset=utf-8")


@require_POST
def send_view(request, pk: int):
    issue = managed_issue(request, pk)
    if send_issue(issue):
        messages.success(request, _("Sending has started; the worker sends it in batches."))
    else:
        messages.error(request, _("This issue has already been sent or is being sent."))
    return redirect("newsletters_admin:issue", issue.pk)
