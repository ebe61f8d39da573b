"""Admin pieces of the desk: the watched terms' views with their language-tree rights,
and a chooser for the news items a clarification answers."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from cms.aggregator.models import Item

from .models import WatchedTerm
from .permissions import can_use_desk, desk_languages


class WatchedTermPolicy(BasePermissionPolicy):
    """A user keeps the terms of the languages of their desk (see ``permissions``)."""

    def user_has_permission(self, user, action):
        return can_use_desk(user)

    def user_has_any_permission(self, user, actions):
        return can_use_desk(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return instance.language in desk_languages(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return instance.language in desk_languages(user)

    def instances_user_has_permission_for(self, user, action):
        return WatchedTerm.objects.filter(language__in=desk_languages(user))

    def instances_user_has_any_permission_for(self, user, actions):
        return WatchedTerm.objects.filter(language__in=desk_languages(user))


class WatchedTermForm(WagtailAdminModelForm):
    """Only the languages of the user's desk are offered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages = desk_languages(self.for_user) if self.for_user else []
        self.fields["language"].choices = [
            (code, name) for code, name in settings.LANGUAGES if code in languages
        ]

    class Meta:
        model = WatchedTerm
        fields = ["language", "term", "active", "note"]


class TermIndexView(generic.IndexView):
    """Only the terms of the user's desk languages."""

    def get_base_queryset(self):
        return WatchedTerm.objects.filter(language__in=desk_languages(self.request.user))


class OwnTerm:
    """Another language's term is refused (Wagtail sends the user to the dashboard)."""

    def get_object(self, queryset=None):
        term = super().get_object(queryset)
        if term.language not in desk_languages(self.request.user):
            raise PermissionDenied
        return term


class TermEditView(OwnTerm, generic.EditView):
    pass


class TermDeleteView(OwnTerm, generic.DeleteView):
    pass


class WatchedTermViewSet(ModelViewSet):
    model = WatchedTerm
    name = "clarifications_term"
    url_prefix = "clarifications/terms"
    icon = "search"
    menu_label = _("Watched terms")
    add_to_admin_menu = False
    list_display = ["term", "language", "active", "note"]
    list_filter = ["language", "active"]
    search_fields = ["term", "note"]
    index_view_class = TermIndexView
    edit_view_class = TermEditView
    delete_view_class = TermDeleteView

    def get_form_class(self, for_update=False):
        return WatchedTermForm


class NewsItemChooserViewSet(ChooserViewSet):
    """Chooses the aggregated items a clarification answers (newest first)."""

    model = Item
    icon = "rss"
    choose_one_text = _("Choose a news item")
    choose_another_text = _("Choose another news item")
    edit_item_text = _("Inspect this news item")
    per_page = 20
