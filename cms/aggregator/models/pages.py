from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from translations.pages import TranslatedPage

from ..listing import FeedFilters, feed_page


class FeedIndexPage(TranslatedPage, Page):
    """The national feed: news from the provincial portals and the press, newest first,
    filterable by province, topic and date, with headlines machine-translated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "aggregator/feed_index_page.html"

    class Meta:
        verbose_name = _("news feed")

    def get_context(self, request, *args, **kwargs):
        from cms.taxonomy.models import Province, Topic

        context = super().get_context(request, *args, **kwargs)
        filters = FeedFilters.from_query(request.GET)
        context["filters"] = filters
        context["feed"] = feed_page(filters, self.locale.language_code, request.GET.get("after"))
        context["provinces"] = Province.objects.all()
        context["topics"] = Topic.objects.all()
        return context
