"""The moderation queue in Wagtail's admin (routes in ``wagtail_hooks``).

Each view asks ``can_moderate`` / ``can_moderate_submission`` itself: the group is not
enough, the submission must be one a moderator may touch."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.core.languages import language_name

from .forms import ModerationForm
from .models import Status, Submission
from .moderation import ModerationError, approve, promote, reject
from .permissions import can_moderate, can_moderate_submission

ALL = "all"


def queue(request):
    if not can_moderate(request.user):
        raise PermissionDenied
    choices = [(ALL, _("All")), *Status.choices]
    status = request.GET.get("status", Status.PENDING)
    if status not in dict(choices):
        status = Status.PENDING  # an unknown value is ignored
    submissions = Submission.objects.filter(purged_at=None).order_by("-created_at")
    if status != ALL:
        submissions = submissions.filter(status=status)
    rows = [(item, language_name(item.language)) for item in submissions[:200]]
    context = {
        "page_title": _("Public submissions"),
        "header_icon": "mail",
        "rows": rows,
        "status": status,
        "statuses": choices,
    }
    return TemplateResponse(request, "submissions/admin/queue.html", context)


def _submission_for(request, pk: int) -> Submission:
    submission = get_object_or_404(Submission, pk=pk)
    if not can_moderate_submission(request.user, submission):
        raise PermissionDenied
    return submission


@require_http_methods(["GET", "POST"])
def moderate(request, pk: int):
    submission = _submission_for(request, pk)
    initial = {"title": submission.title, "text": submission.text}
    initial["image_alt"] = submission.photo_description
    form = ModerationForm(request.POST or None, initial=initial, submission=submission)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "promote":
                contributor = promote(submission)
                messages.success(
                    request, _("%(name)s is a contributor.") % {"name": contributor.name}
                )
                return redirect("submissions_admin:moderate", submission.pk)
            if action in ("approve", "reject") and form.clean_for(action):
                data = form.cleaned_data
                if action == "approve":
                    page = approve(
                        submission, request.user, data["title"], data["text"], data["image_alt"]
                    )
                    messages.success(request, _("Published: %(title)s") % {"title": page.title})
                else:
                    reject(submission, request.user, data["reason"])
                    messages.success(request, _("Rejected; the author was told why."))
                return redirect("submissions_admin:queue")
            if action not in ("approve", "reject"):
                messages.error(request, _("Choose approve, reject or promote."))
        except ModerationError as error:
            messages.error(request, str(error))
    context = {
        "page_title": _("Moderate a submission"),
        "header_icon": "mail",
        "submission": submission,
        "language": language_name(submission.language),
        "form": form,
        "can_decide": submission.status == Status.PENDING,
    }
    return TemplateResponse(request, "submissions/admin/moderate.html", context)


def photo(request, pk: int):
    """The photo waiting for moderation, for moderators only (it has no public URL)."""
    submission = _submission_for(request, pk)
    if not submission.photo:
        raise Http404
    response = FileResponse(submission.photo.open("rb"))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
