from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from cms.stories.models import SectionPage

from .health import describe_delay, with_health
from .models import Item, Source
from .promote import PromoteError, promote_item


class HealthColumn(Column):
    def __init__(self, name, label, render):
        super().__init__(name, label=label)
        self.render = render

    def get_value(self, instance):
        return self.render(instance)


def _error(source):
    if not source.last_error:
        return "–"
    return format_html('<span title="{}">{}</span>', source.last_error, source.last_error[:60])


class SourceViewSet(ModelViewSet):
    model = Source
    name = "aggregator_source"
    url_prefix = "aggregator/sources"
    icon = "rss"
    menu_label = gettext_lazy("Sources")
    form_fields = [
        "name", "url", "kind", "province", "language", "topics", "attribution",
        "licence_note", "poll_interval", "active", "verify_tls", "selectors", "notes",
    ]  # fmt: skip
    list_filter = ["active", "kind", "language", "province"]
    search_fields = ["name", "url"]

    @property
    def list_display(self):
        return [
            "name",
            "active",
            HealthColumn("last_success_at", _("Last success"), lambda s: s.last_success_at or "–"),
            HealthColumn("last_error", _("Last error"), _error),
            HealthColumn("items_7d", _("Items, 7 days"), lambda s: getattr(s, "items_7d", "–")),
            HealthColumn(
                "delay",
                _("Average delay"),
                lambda s: describe_delay(getattr(s, "average_delay", None)),
            ),
            HealthColumn("next_fetch_at", _("Next attempt"), lambda s: s.next_fetch_at or "–"),
        ]

    def get_queryset(self, request):
        return with_health(Source.objects.all())


class ItemViewSet(ModelViewSet):
    model = Item
    name = "aggregator_item"
    url_prefix = "aggregator/items"
    icon = "list-ul"
    menu_label = gettext_lazy("Items")
    list_display = ["title", "source", "language", "sort_at", "cluster"]
    list_filter = ["language", "source"]
    search_fields = ["title"]
    form_fields = ["title", "summary"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class AggregatorGroup(ViewSetGroup):
    items = (SourceViewSet, ItemViewSet)
    menu_label = gettext_lazy("Aggregated news")
    menu_icon = "rss"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_viewsets():
    return AggregatorGroup()


@require_POST
def promote_view(request, item_id):
    item = get_object_or_404(Item, pk=item_id)
    section = get_object_or_404(SectionPage, pk=request.POST.get("section"))
    try:
        page = promote_item(item, section, request.user)
    except PromoteError as error:
        messages.error(request, str(error))
        return redirect(reverse("aggregator_item:inspect", args=[item.pk]))
    messages.success(request, _("Story draft created from the item."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("aggregator/items/<int:item_id>/promote/", promote_view, name="aggregator_promote")
    ]
