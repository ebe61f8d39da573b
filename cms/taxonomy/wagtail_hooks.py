from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Province, Topic


class ProvinceViewSet(SnippetViewSet):
    model = Province
    icon = "site"
    list_display = ["number", "name", "region", "portal_domain", "portal_confidence"]
    list_filter = ["region", "unit_type", "portal_confidence"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ProvinceViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
