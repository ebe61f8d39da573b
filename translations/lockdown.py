"""wagtail-localize's own actions, locked to the roles that may use them.

Its views only ask "can this user edit the page?", which a translator can. These views
are served at the same URLs (registered first) and ask the questions in
``permissions``: converting to an alias and stopping synchronisation need publish rights
in the page's tree, and "Translate this page" becomes our MT request, so every
translation starts as a reviewed draft.
"""

import json

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation

from . import audit
from .permissions import tester


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not tester(request.user, page).can_convert_to_alias():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@require_POST
def stop_translation(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not tester(request.user, page).can_stop_sync():
        raise PermissionDenied
    return edit_translation.stop_translation(request, translation_id)


def submit_page_translation(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    return redirect("translations:request", page.alias_of_id or page.pk)


def refused_page(request) -> None:
    """Record a refused admin action on the page it targeted (see ``middleware``)."""
    page = _target_page(request.resolver_match.kwargs if request.resolver_match else {})
    if page is None:
        return
    audit.record(
        page,
        audit.REFUSED,
        request.user,
        page.locale.language_code,
        view=request.resolver_match.view_name,
        method=request.method,
    )


def _target_page(kwargs) -> Page | None:
    from wagtail_localize.models import TranslationSource

    from .models import TranslationReview
    from .operations.review import target_page

    try:
        for key in ("page_id", "page_to_move_id", "parent_page_id"):
            if key in kwargs:
                return Page.objects.filter(pk=kwargs[key]).first()
        if "review_id" in kwargs:
            review = TranslationReview.objects.filter(pk=kwargs["review_id"]).first()
            return target_page(review) if review else None
        if "translation_id" in kwargs:
            translation = Translation.objects.filter(pk=kwargs["translation_id"]).first()
            return translation.get_target_instance() if translation else None
        if "translation_source_id" in kwargs:
            source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
            return source.get_source_instance() if source else None
    except (ObjectDoesNotExist, ValueError):  # a missing object: refused all the same
        return None
    return None


def edit_translation_without_alias(request, page):
    """wagtail-localize's editor with its "Convert to alias page" link removed."""
    from wagtail_localize.wagtail_hooks import before_edit_page

    response = before_edit_page(request, page)
    context = getattr(response, "context_data", None)
    if not context or "props" not in context:
        return response
    props = json.loads(context["props"])
    props.get("links", {})["convertToAliasUrl"] = None
    context["props"] = json.dumps(props)
    return response
