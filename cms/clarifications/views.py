"""Admin views of the clarifications desk: the matched news, a clarification draft from
one item, and re-running the matching. Each checks the user's languages and rights."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.aggregator.models import Item

from .desk import DeskParams, desk_groups, filters_from
from .drafting import DraftError, create_draft
from .models import WatchedTerm
from .permissions import desk_languages, draft_parent
from .tasks import rematch_task


def _languages_or_refuse(user) -> list[str]:
    languages = desk_languages(user)
    if not languages:
        raise PermissionDenied
    return languages


def desk_view(request):
    languages = _languages_or_refuse(request.user)
    params = DeskParams(request.GET)
    if problem := params.rejection():
        return HttpResponseBadRequest(problem)
    filters = filters_from(params, languages)
    context = {
        "groups": desk_groups(filters),
        "filters": filters,
        "ignored": params.ignored,
        "values": params.usable(),
        "languages": languages,
        "terms": WatchedTerm.objects.filter(language__in=languages, active=True),
    }
    return TemplateResponse(request, "clarifications/admin/desk.html", context)


def draft_view(request, item_id: int):
    """GET: where the draft would go; POST: the draft, then its page editor."""
    _languages_or_refuse(request.user)
    item = get_object_or_404(Item.objects.select_related("source"), pk=item_id)
    parent = draft_parent(request.user, item.language)
    if request.method == "POST":
        try:
            page = create_draft(item, request.user)
        except DraftError as error:
            messages.error(request, str(error))
            return redirect("clarifications_desk")
        messages.success(request, _("Clarification draft created from the news item."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    context = {"item": item, "parent": parent}
    return TemplateResponse(request, "clarifications/admin/draft.html", context)


@require_POST
def rematch_view(request):
    languages = _languages_or_refuse(request.user)
    terms = WatchedTerm.objects.filter(language__in=languages, active=True)
    term_ids = list(terms.values_list("pk", flat=True))
    if not term_ids:
        messages.warning(request, _("You watch no terms yet: add one first."))
        return redirect("clarifications_desk")
    rematch_task.enqueue(term_ids)
    messages.success(request, _("Matching of your watched terms against the news is queued."))
    return redirect("clarifications_desk")
