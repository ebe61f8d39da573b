from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .health import describe_delay, with_health
from .models import Item, Source

# Apps above the aggregator add actions to a news item through this hook: a function
# (item, user) returning Wagtail buttons, shown in the item's listing row and inspect view.
ITEM_BUTTONS_HOOK = "register_news_item_buttons"


def item_buttons(item: Item, user) -> list:
    return [button for hook in hooks.get_hooks(ITEM_BUTTONS_HOOK) for button in hook(item, user)]


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


class ItemIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *item_buttons(instance, self.request.user),
        ]


class ItemInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *item_buttons(self.object, self.request.user)]


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
    index_view_class = ItemIndexView
    inspect_view_class = ItemInspectView
    add_to_admin_menu = False


class AggregatorGroup(ViewSetGroup):
    items = (SourceViewSet, ItemViewSet)
    menu_label = gettext_lazy("Aggregated news")
    menu_icon = "rss"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_viewsets():
    return AggregatorGroup()
