"""The public side: the form, the confirmation link, a contributor's profile."""

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.accounts.client_ip import client_ip

from . import conf
from .forms import Refused, SubmissionForm
from .mail import send_confirmation
from .models import ContributionPage, Contributor, Status, Submission
from .spam import count_submission, rate_limited
from .tokens import confirm_token, read_confirm_token


def _refusal(form: SubmissionForm) -> bool:
    return any(isinstance(error, Refused) for error in form.errors.as_data().get("__all__", []))


@require_http_methods(["GET", "POST"])
def contribute(request):
    if request.method != "POST":
        return render(request, "submissions/contribute.html", {"form": SubmissionForm()})
    form = SubmissionForm(request.POST, request.FILES)
    status = 200
    if form.is_valid():
        ip = client_ip(request)
        if rate_limited(form.cleaned_data["email"], ip):
            form.add_error(
                None,
                _(
                    "You have sent several contributions in a short time. "
                    "Please wait an hour before sending another one."
                ),
            )
            status = 429
        else:
            submission = form.save(commit=False)
            submission.language = get_language()
            submission.save()
            count_submission(submission.email, ip)
            link = request.build_absolute_uri(
                reverse("submissions:confirm", args=[confirm_token(submission)])
            )
            send_confirmation(submission, link)
            return redirect("submissions:sent")
    elif _refusal(form):
        status = 400
    return render(request, "submissions/contribute.html", {"form": form}, status=status)


def sent(request):
    return render(request, "submissions/sent.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The link in the mail shows a button; pressing it (POST) confirms, so a mail
    scanner fetching the link confirms nothing."""
    max_age = conf.get("SUBMISSIONS_CONFIRM_DAYS") * 86400
    try:
        value = read_confirm_token(token, max_age)
    except signing.SignatureExpired:
        return _confirm_page(request, "expired", status=410)
    except signing.BadSignature:
        return _confirm_page(request, "invalid", status=400)
    submission = Submission.objects.filter(
        pk=value["s"], confirm_key=value["k"], purged_at=None
    ).first()
    if submission is None:
        return _confirm_page(request, "invalid", status=400)
    if submission.status != Status.UNCONFIRMED:
        return _confirm_page(request, "done")
    if request.method != "POST":
        return _confirm_page(request, "ask", submission=submission)
    submission.status = Status.PENDING
    submission.confirmed_at = timezone.now()
    submission.contributor = Contributor.objects.filter(email__iexact=submission.email).first()
    submission.save()
    return _confirm_page(request, "done")


def _confirm_page(request, state: str, submission=None, status: int = 200):
    context = {"state": state, "submission": submission}
    return render(request, "submissions/confirm.html", context, status=status)


def contributor(request, slug: str):
    person = get_object_or_404(Contributor, slug=slug)
    if not person.public_profile:
        raise Http404
    pages = (
        ContributionPage.objects.live()
        .public()
        .filter(contributor=person)
        .exclude(author_name="")
        .select_related("locale", "image")
        .order_by("-date_published")
    )
    language = get_language()
    here = [page for page in pages if page.locale.language_code == language]
    elsewhere = [page for page in pages if page.locale.language_code != language]
    return render(
        request,
        "submissions/contributor.html",
        {"person": person, "here": here, "elsewhere": elsewhere},
    )
