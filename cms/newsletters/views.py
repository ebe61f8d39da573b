"""Public pages: subscribe, confirm, unsubscribe (RFC 8058 one-click) and the archive."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.accounts.client_ip import client_ip
from cms.core.pages import paginate
from cms.core.params import PageParams, bad_request

from .forms import SubscribeForm
from .models import Issue, IssueStatus, Subscriber
from .subscriptions import (
    InvalidToken,
    confirm,
    ip_within_limit,
    request_subscription,
    subscriber_for_token,
    unsubscribe,
)
from .tasks import send_confirmation_task


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe_view(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        if not ip_within_limit(client_ip(request)):
            message = _("Too many subscription requests from your network. Try again in an hour.")
            return render(
                request, "newsletters/subscribe.html", {"form": form, "error": message}, status=429
            )
        if form.is_valid():
            if not form.is_robot():
                subscriber = request_subscription(form.cleaned_data["email"], get_language())
                if subscriber is not None:
                    send_confirmation_task.enqueue(subscriber.pk)
            return render(request, "newsletters/check_inbox.html")
    status = 400 if request.method == "POST" else 200
    return render(request, "newsletters/subscribe.html", {"form": form}, status=status)


def invalid_link(request, message: str, status: int = 400):
    """A clear page for a link that cannot work, never a server error."""
    context = {"message": message}
    return render(request, "newsletters/invalid_link.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_view(request, token: str):
    """GET shows a button (mail scanners that open links confirm nothing); POST confirms."""
    try:
        subscriber = subscriber_for_token(token)
    except InvalidToken:
        return invalid_link(
            request,
            _(
                "This confirmation link is not valid or has expired. "
                "Subscribe again to receive a new one."
            ),
        )
    if request.method == "POST":
        subscriber = confirm(token)
        return render(request, "newsletters/confirmed.html", {"subscriber": subscriber})
    return render(request, "newsletters/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: mail providers POST without a session; the token is the check
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token: str):
    subscriber = Subscriber.objects.filter(unsubscribe_token=token).first()
    if subscriber is None:
        message = _(
            "This unsubscribe link is not known: it may be incomplete. Copy the whole "
            "address from the e-mail, or use the link at the bottom of a newer issue."
        )
        return invalid_link(request, message, status=404)
    if request.method == "POST":
        unsubscribe(subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("Unsubscribed."), content_type="text/plain; charset=utf-8")
        return render(request, "newsletters/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletters/unsubscribe.html", {"subscriber": subscriber})


def archive_view(request):
    if problem := PageParams(request.GET).rejection():
        return bad_request(request, problem)
    issues = Issue.objects.filter(language=get_language(), status=IssueStatus.SENT)
    return render(request, "newsletters/archive.html", {"issues": paginate(request, issues, 20)})


def issue_view(request, pk: int):
    issue = get_object_or_404(
        Issue, pk=pk, language=get_language(), status__in=(IssueStatus.SENT, IssueStatus.SENDING)
    )
    return render(request, "newsletters/issue.html", {"issue": issue})
