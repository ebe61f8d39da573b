"""Admin views. Each one checks permissions, calls an operation, and reports back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from .engines.registry import Registry
from .forms import ApproveForm, RequestTranslationsForm, SendBackForm
from .metrics import language_metrics, with_outdated
from .models import TranslationReview
from .models.workflow import ReviewState, TaskKind
from .operations import (
    QAFailed,
    ReviewError,
    approve,
    send_back,
    submit_for_review,
)
from .operations.memory import close_matches
from .operations.resegment import source_diffs
from .operations.review import quality_report, target_page
from .operations.segments import segment_states
from .permissions import can_post_edit, can_review, dashboard_languages
from .requests import request_translations


def _review_for_user(request, review_id):
    review = get_object_or_404(
        TranslationReview.objects.select_related(
            "translation__source", "translation__target_locale"
        ),
        pk=review_id,
    )
    page = target_page(review)
    if not (can_post_edit(request.user, page) or can_review(request.user, page)):
        raise PermissionDenied
    return review, page


def request_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not request.user.has_perm("translations.request_translation"):
        raise PermissionDenied
    form = RequestTranslationsForm(request.POST or None, page=page, registry=Registry())
    if request.method == "POST" and form.is_valid():
        tasks = request_translations(page, form.cleaned_data["locales"], user=request.user)
        messages.success(
            request,
            _("Machine-translated drafts requested in %(count)d languages.")
            % {"count": len(tasks)},
        )
        return redirect("translations:queue")
    return TemplateResponse(request, "translations/request.html", {"page": page, "form": form})


def queue_view(request):
    language = request.GET.get("language", "")
    reviews = with_outdated(
        TranslationReview.objects.select_related(
            "translation__source", "translation__target_locale"
        ).order_by("state", "-drafted_at")
    )
    if language:
        reviews = reviews.filter(translation__target_locale__language_code=language)
    rows = []
    for review in reviews:
        page = target_page(review)
        if can_post_edit(request.user, page) or can_review(request.user, page):
            rows.append(
                {
                    "review": review,
                    "page": page,
                    "source": review.translation.source.get_source_instance(),
                    "outdated": review.is_outdated,
                }
            )
    return TemplateResponse(
        request,
        "translations/queue.html",
        {"rows": rows, "language": language, "locales": Locale.objects.order_by("language_code")},
    )


def review_view(request, review_id):
    review, page = _review_for_user(request, review_id)
    states = segment_states(review.translation)
    failures = quality_report(review)
    by_segment = {}
    for failure in failures:
        by_segment.setdefault(failure.segment, []).append(failure)
    diffs = source_diffs(review.translation)
    rows = [
        {
            "state": state,
            "failures": by_segment.get(index, []),
            "matches": close_matches(state.source_text, review.translation.target_locale)
            if not state.text or (state.machine and not state.human_edited)
            else [],
            "source_diff": diffs.get((state.segment.string_id, state.segment.context_id)),
        }
        for index, state in enumerate(states)
    ]
    return TemplateResponse(
        request,
        "translations/review.html",
        {
            "review": review,
            "page": page,
            "rows": rows,
            "failures": failures,
            "can_edit": can_post_edit(request.user, page),
            "can_review": can_review(request.user, page),
            "approve_form": ApproveForm(),
            "send_back_form": SendBackForm(),
            "states": ReviewState,
        },
    )


@require_POST
def review_action(request, review_id, action):
    review, page = _review_for_user(request, review_id)
    back = redirect("translations:review", review_id=review.pk)
    try:
        if action == "submit":
            submit_for_review(review, request.user)
            messages.success(request, _("Sent for review."))
        elif action == "approve":
            form = ApproveForm(request.POST)
            form.is_valid()
            approve(review, request.user, form.cleaned_data.get("override_reason", ""))
            messages.success(request, _("Approved and published."))
        elif action == "send_back":
            send_back(review, request.user, request.POST.get("comment", ""))
            messages.success(request, _("Sent back to the translator."))
        elif action in ("sync", "rerun"):
            if not can_post_edit(request.user, page):
                raise PermissionDenied
            source_page = review.translation.source.get_source_instance()
            kind = TaskKind.SYNC if action == "sync" else TaskKind.RERUN
            request_translations(
                source_page, [review.translation.target_locale], request.user, kind
            )
            messages.success(request, _("Machine translation requested."))
        else:
            raise PermissionDenied
    except QAFailed as error:
        messages.error(request, str(error))
    except ReviewError as error:
        messages.error(request, str(error))
    return back


def dashboard_view(request):
    if not request.user.has_perm("translations.view_translation_dashboard"):
        raise PermissionDenied
    languages = dashboard_languages(request.user)
    if not languages:
        raise PermissionDenied
    language = request.GET.get("language") or languages[0]
    if language not in languages:
        raise PermissionDenied
    return TemplateResponse(
        request,
        "translations/dashboard.html",
        {"metrics": language_metrics(language), "languages": languages, "language": language},
    )


def sync_source_view(request, translation_source_id):
    """Replaces wagtail-localize's "sync translated pages", which can publish everything at
    once: here every translation gets a fresh MT draft and goes through review again."""
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    if not request.user.has_perm("translations.request_translation"):
        raise PermissionDenied
    page = source.get_source_instance()
    locales = [t.target_locale for t in source.translations.filter(enabled=True)]
    if request.method == "POST":
        request_translations(page, locales, request.user, TaskKind.SYNC)
        messages.success(request, _("Translations are being brought up to date as drafts."))
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return TemplateResponse(request, "translations/sync.html", {"page": page, "locales": locales})
