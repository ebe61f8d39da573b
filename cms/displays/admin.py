"""The displays' admin: a ModelViewSet for editors and administrators, listing each
display's state (online or offline, with the heartbeat's age) and what it showed."""

from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.core.roles import ADMINISTRATORS, EDITORS

from .models import Display

MANAGERS = (EDITORS, ADMINISTRATORS)


class DisplayPermissionPolicy(ModelPermissionPolicy):
    """Editors and administrators manage displays; ``setup_roles`` rewrites the groups'
    model permissions, so the groups are named here rather than given permissions there."""

    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        if user.is_superuser or user.groups.filter(name__in=MANAGERS).exists():
            return True
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        managers = get_user_model().objects.filter(is_active=True, groups__name__in=MANAGERS)
        return (super().users_with_any_permission(actions) | managers).distinct()


def status(display: Display) -> str:
    if display.last_heartbeat_at is None:
        return _("never seen")
    age = timesince(display.last_heartbeat_at, timezone.now())
    if display.is_online():
        return format_html(
            '<span class="w-status w-status--primary">{}</span> {}',
            _("online"),
            _("%(age)s ago") % {"age": age},
        )
    return format_html(
        '<span class="w-status">{}</span> {}', _("offline"), _("%(age)s ago") % {"age": age}
    )


def kiosk_link(display: Display) -> str:
    url = display.get_absolute_url()
    return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, url)


class ValueColumn(Column):
    def __init__(self, name, label, value):
        super().__init__(name, label=label)
        self.value = value

    def get_value(self, instance):
        return self.value(instance)


class DisplayIndexView(IndexView):
    def get_base_queryset(self):
        today = timezone.localdate()
        return (
            super()
            .get_base_queryset()
            .prefetch_related("languages")
            .annotate(
                shown_today=Sum("shown__count", filter=Q(shown__day=today)),
                shown_30=Sum("shown__count", filter=Q(shown__day__gt=today - timedelta(days=30))),
            )
        )


class DisplayViewSet(ModelViewSet):
    model = Display
    name = "border_displays"
    url_prefix = "displays"
    icon = "desktop"
    menu_label = gettext_lazy("Border-gate displays")
    menu_order = 270
    add_to_admin_menu = True
    search_fields = ["name", "slug"]
    list_filter = ["active"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("seconds_per_item"),
                FieldPanel("items_per_language"),
                FieldPanel("heartbeat_seconds"),
                FieldPanel("active"),
            ],
            heading=gettext_lazy("Screen"),
        ),
    ]

    @property
    def list_display(self):
        return [
            "name",
            ValueColumn("languages", _("Languages"), lambda d: ", ".join(d.language_codes())),
            ValueColumn("status", _("Last heartbeat"), status),
            ValueColumn("shown_today", _("Items shown today"), lambda d: d.shown_today or 0),
            ValueColumn("shown_30", _("Items shown, 30 days"), lambda d: d.shown_30 or 0),
            ValueColumn("link", _("Kiosk address"), kiosk_link),
        ]

    index_view_class = DisplayIndexView


register_permission_policy(Display, DisplayPermissionPolicy(Display))
