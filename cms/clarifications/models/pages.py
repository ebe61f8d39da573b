"""The public side: a clarification (a claim as reported, the facts, the sources, a rating)
and the listing that holds one language's clarifications, with its RSS and Atom feeds."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from cms.core.pages import paginate
from cms.core.params import PageParams, bad_request
from translations.pages import TranslatedPage

FACT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class Rating(models.TextChoices):
    """How the claim holds up. The values are stable (URLs, JSON-LD); labels translate."""

    FALSE = "false", _("False")
    MISLEADING = "misleading", _("Misleading")
    MISSING_CONTEXT = "missing_context", _("Missing context")
    ACCURATE = "accurate", _("Accurate")


# ClaimReview's numeric scale: worst 1 (false) to best 4 (accurate), see ``jsonld``.
RATING_VALUES = {
    Rating.FALSE: 1,
    Rating.MISLEADING: 2,
    Rating.MISSING_CONTEXT: 3,
    Rating.ACCURATE: 4,
}


class ClarificationIndexPage(RoutablePageMixin, TranslatedPage, Page):
    """One language's clarifications, newest first, with its ``rss/`` and ``atom/`` feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["clarifications.ClarificationPage"]
    max_count_per_parent = 1
    template = "clarifications/clarification_index_page.html"

    class Meta:
        verbose_name = _("clarifications")
        verbose_name_plural = _("clarification listings")

    def clarifications(self):
        return (
            ClarificationPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date_published", "-pk")
        )

    @path("")
    def listing(self, request):
        """A malformed ``page`` parameter gets a 400 page (see cms.core.params)."""
        if problem := PageParams(request.GET).rejection():
            return bad_request(request, problem, page=self)
        return self.render(request)

    @path("rss/", name="rss")
    def rss(self, request):
        from ..feeds import ClarificationRssFeed

        return ClarificationRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom(self, request):
        from ..feeds import ClarificationAtomFeed

        return ClarificationAtomFeed()(request, index=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clarifications"] = paginate(request, self.clarifications())
        context["feed_urls"] = {
            "rss": self.url + self.reverse_subpage("rss"),
            "atom": self.url + self.reverse_subpage("atom"),
        }
        return context


class ClarificationPage(TranslatedPage, Page):
    """A correction of distorted information: the claim as it was reported, where and
    when, the facts with official sources, a rating, and the news items it answers."""

    standfirst = models.TextField(
        _("the facts in short"), help_text=_("One or two sentences: what is true.")
    )
    claim = models.TextField(_("claim as reported"))
    claim_outlet = models.CharField(_("where it appeared"), max_length=255)
    claim_url = models.URLField(_("link to the claim"), max_length=2000, blank=True)
    claim_date = models.DateField(_("date of the claim"), null=True, blank=True)
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices)
    facts = RichTextField(_("the facts"), features=FACT_FEATURES)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(_("hero image alternative text"), max_length=255, blank=True)
    hero_credit = models.CharField(_("hero image credit"), max_length=255, blank=True)
    date_published = models.DateTimeField(_("publication date"), default=timezone.now)
    province = models.ForeignKey(
        "taxonomy.Province",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clarifications",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("claim"),
                FieldPanel("claim_outlet"),
                FieldPanel("claim_url"),
                FieldPanel("claim_date"),
            ],
            heading=_("The claim"),
        ),
        FieldPanel("rating"),
        FieldPanel("facts"),
        InlinePanel("sources", heading=_("Official sources and documents"), label=_("source")),
        InlinePanel("answered_claims", heading=_("Claims it answers"), label=_("news item")),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt"), FieldPanel("hero_credit")],
            heading=_("Hero image"),
        ),
        MultiFieldPanel(
            [FieldPanel("date_published"), FieldPanel("province")],
            heading=_("Classification"),
        ),
    ]
    parent_page_types = ["clarifications.ClarificationIndexPage"]
    subpage_types = []
    template = "clarifications/clarification_page.html"
    # Indexed by cms.search (see its documents module); listed there with the stories.
    search_kind = "story"

    class Meta:
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")

    def search_body(self) -> str:
        return f"{self.claim} {self.standfirst} {strip_tags(self.facts)}"

    @property
    def rating_value(self) -> int:
        return RATING_VALUES[Rating(self.rating)]

    def json_ld(self, request, organization: dict) -> dict:
        """The ClaimReview that ``cms.syndication`` puts in the page's head."""
        from ..jsonld import claim_review

        return claim_review(request, self, organization)

    def answered_items(self) -> list:
        """The news items this page answers, in the editor's order, with their sources."""
        links = self.answered_claims.select_related("item__source").order_by("sort_order")
        return [link.item for link in links if link.item_id]


class ClarificationSource(Orderable):
    """An official source: a link, an uploaded document, or both."""

    page = ParentalKey(ClarificationPage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("link"), max_length=2000, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("official source")

    def clean(self):
        super().clean()
        if not self.url and not self.document_id:
            raise ValidationError(_("Give a link or choose a document for this source."))

    def __str__(self) -> str:
        return self.title


class AnsweredClaim(Orderable):
    """A news item (aggregated from a portal or the press) that this clarification answers."""

    page = ParentalKey(ClarificationPage, on_delete=models.CASCADE, related_name="answered_claims")
    item = models.ForeignKey(
        "aggregator.Item",
        on_delete=models.CASCADE,
        related_name="clarification_links",
        verbose_name=_("news item"),
    )

    panels = [FieldPanel("item")]

    class Meta(Orderable.Meta):
        verbose_name = _("claim answered")

    def __str__(self) -> str:
        return str(self.item_id)
