from django.db import models
from django.db.models import Case, Count, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core import page_cache
from cms.core.blocks import StoryBodyBlock, stream_text
from cms.core.pages import paginate
from cms.core.params import PageParams, bad_request
from translations.pages import TranslatedPage

from .sharing import share_links

RELATED_STORIES = 4


class SectionPage(TranslatedPage, Page):
    """A content area such as economy, culture or tourism, listing its stories."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage", "galleries.GalleryPage"]
    template = "stories/section_page.html"

    class Meta:
        verbose_name = _("section")

    def serve(self, request, *args, **kwargs):
        """A malformed ``page`` parameter gets a 400 page (see cms.core.params)."""
        if problem := PageParams(request.GET).rejection():
            return bad_request(request, problem, page=self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("-date_published")
        )
        context["stories"] = paginate(request, stories)
        return context


class StoryPage(TranslatedPage, Page):
    standfirst = models.TextField(_("standfirst"), help_text=_("One or two sentences."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(_("hero image alternative text"), max_length=255, blank=True)
    hero_caption = models.CharField(_("hero image caption"), max_length=255, blank=True)
    hero_credit = models.CharField(_("hero image credit"), max_length=255, blank=True)
    body = StreamField(StoryBodyBlock(), blank=True)
    date_published = models.DateTimeField(_("publication date"), default=timezone.now)
    province = models.ForeignKey(
        "taxonomy.Province",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="stories")
    source_name = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.URLField(_("source link"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("date_published"),
                FieldPanel("province"),
                FieldPanel("topics"),
                FieldPanel("source_name"),
                FieldPanel("source_url"),
            ],
            heading=_("Classification and source"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("date_published"),
        index.FilterField("province"),
    ]
    parent_page_types = ["stories.SectionPage"]
    subpage_types = []
    template = "stories/story_page.html"
    search_kind = "story"  # indexed by cms.search (see its documents module)
    serve_select_related = ("province", "hero_image")  # loaded with a routed page

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def search_body(self) -> str:
        return f"{self.standfirst} {stream_text(self.body)}"

    def get_context(self, request, *args, **kwargs):
        """Share and related links are callables: the template calls them only when it
        renders the story afresh, not when the story comes from its kept fragment."""
        context = super().get_context(request, *args, **kwargs)
        context["share_links"] = lambda: share_links(self.get_full_url(request), self.title)
        context["related_stories"] = lambda: (
            []
            if any(block.block_type == "related_stories" for block in self.body)
            else self.related_story_links(request)
        )
        return context

    def related_story_links(self, request) -> list[dict]:
        """Title, URL and date of the automatic related stories: a page-cache fragment, as
        the stories that qualify change only when pages are published (a preview computes
        them from its draft)."""

        def links() -> list[dict]:
            return [
                {"title": s.title, "url": s.get_url(request), "date_published": s.date_published}
                for s in self.automatic_related_stories()
            ]

        if getattr(request, "is_preview", False) or not self.pk:
            return links()
        return page_cache.fragment(f"related:{self.pk}:{request.get_host()}", links)

    def automatic_related_stories(self, limit: int = RELATED_STORIES) -> list["StoryPage"]:
        """Live stories in this language sharing a topic or the province with this one:
        those sharing the most first (the province counts as one topic), then the newest.
        One query, whatever the number of stories."""
        topic_ids = [topic.pk for topic in self.topics.all()]
        if not topic_ids and not self.province_id:
            return []
        same_province = (
            Case(When(province_id=self.province_id, then=Value(1)), default=Value(0))
            if self.province_id
            else Value(0)
        )
        return list(
            StoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .annotate(
                shared=Count("topics", filter=Q(topics__in=topic_ids), distinct=True)
                + same_province
            )
            .filter(shared__gt=0)
            .order_by("-shared", "-date_published", "pk")[:limit]
        )
