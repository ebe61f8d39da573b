"""Admin view: make a story draft from an aggregated news item."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.aggregator.models import Item

from .models import SectionPage
from .promote import PromoteError, can_promote, promotable_sections, promote_item


class PromoteForm(forms.Form):
    section = forms.ModelChoiceField(
        queryset=SectionPage.objects.none(),
        label=gettext_lazy("Section"),
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("Choose one of the sections listed.")},
    )

    def __init__(self, *args, sections: list[SectionPage], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = SectionPage.objects.filter(
            pk__in=[section.pk for section in sections]
        ).order_by("path")


def promote_view(request, item_id):
    """GET: the sections this user may put the story in; POST: the draft, then its editor."""
    if not can_promote(request.user):
        raise PermissionDenied
    item = get_object_or_404(Item, pk=item_id)
    inspect_url = reverse("aggregator_item:inspect", args=[item.pk])
    form = PromoteForm(request.POST or None, sections=promotable_sections(item, request.user))
    if request.method == "POST" and form.is_valid():
        try:
            page = promote_item(item, form.cleaned_data["section"], request.user)
        except PromoteError as error:
            messages.error(request, str(error))
            return redirect(inspect_url)
        messages.success(request, _("Story draft created from the item."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    status = 400 if request.method == "POST" else 200
    context = {"item": item, "form": form, "inspect_url": inspect_url}
    return TemplateResponse(request, "stories/admin/promote_item.html", context, status=status)
