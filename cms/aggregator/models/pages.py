from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.core.params import bad_request
from translations.pages import TranslatedPage

from .listing import FeedFilters, FeedParams, feed_page


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

    def serve(self, request, *args, **kwargs):
        """A malformed filter gets a 400 page; unusable ones are ignored (``FeedParams``)."""
        params = FeedParams(request.GET)
        if problem := params.rejection():
            return bad_request(request, problem, page=self)
        return super().serve(request, *args, params=params, **kwargs)

    def get_context(self, request, *args, params: FeedParams | None = None, **kwargs):
        from cms.taxonomy.models import Province, Topic

        context = super().get_context(request, *args, **kwargs)
        if params is None:
            params = FeedParams(request.GET)
        filters = FeedFilters.from_params(params)
        context["filters"] = filters
        context["ignored"] = params.ignored
        cursor = params.usable().get("after")
        context["feed"] = feed_page(filters, self.locale.language_code, cursor)
        context["provinces"] = Province.objects.all()
        context["topics"] = Topic.objects.all()
        return context
