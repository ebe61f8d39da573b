from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import StoryBodyBlock, stream_text
from cms.core.pages import paginate
from cms.people.listing import ListingPage
from translations.pages import TranslatedPage


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text=_("Empty: the document's own title."))

    class Meta:
        icon = "doc-full"


class PressReleaseIndexPage(ListingPage, TranslatedPage, Page):
    """Press releases of one language, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1  # one listing per language
    subpage_types = ["press.PressReleasePage"]
    template = "press/press_release_index_page.html"

    class Meta:
        verbose_name = _("press release index")

    def feed_pages(self):
        return (
            PressReleasePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date_published", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["releases"] = paginate(request, self.feed_pages())
        return context


class PressReleasePage(TranslatedPage, Page):
    """An official statement. An embargo is Wagtail's scheduled publishing: set the
    go-live date (Settings tab) and the release stays unpublished, out of every listing,
    feed and search until then; the release time shown is never before it."""

    standfirst = models.TextField(_("summary"), help_text=_("One or two sentences."))
    date_published = models.DateTimeField(
        _("release date and time"),
        default=timezone.now,
        help_text=_("For an embargo set the go-live date in the Settings tab."),
    )
    body = StreamField(StoryBodyBlock(), blank=True)
    attachments = StreamField([("attachment", AttachmentBlock())], blank=True)
    spokesperson_name = models.CharField(_("spokesperson"), max_length=255, blank=True)
    spokesperson_role = models.CharField(_("role"), max_length=255, blank=True)
    spokesperson_email = models.EmailField(_("e-mail"), blank=True)
    spokesperson_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    province = models.ForeignKey(
        "taxonomy.Province", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("date_published"),
        FieldPanel("body"),
        FieldPanel("attachments"),
        MultiFieldPanel(
            [
                FieldPanel("spokesperson_name"),
                FieldPanel("spokesperson_role"),
                FieldPanel("spokesperson_email"),
                FieldPanel("spokesperson_phone"),
            ],
            heading=_("Contact for the press (shown publicly)"),
        ),
        FieldPanel("province"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("date_published"),
    ]
    override_translatable_fields = [
        *TranslatedPage.override_translatable_fields,
        SynchronizedField("spokesperson_phone"),
    ]
    parent_page_types = ["press.PressReleaseIndexPage"]
    subpage_types = []
    template = "press/press_release_page.html"
    search_kind = "story"  # indexed by cms.search; Kind has no own value (see README)

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def clean(self):
        """Under embargo the release time is never before the go-live time (``clean`` runs
        before each revision is saved, so the scheduled revision carries it)."""
        super().clean()
        if self.go_live_at and self.date_published and self.date_published < self.go_live_at:
            self.date_published = self.go_live_at

    def search_body(self) -> str:
        return f"{self.standfirst} {stream_text(self.body)} {self.spokesperson_name}"

    def feed_summary(self) -> str:
        return self.standfirst

    def json_ld(self, request, publisher: dict) -> dict:
        """schema.org ``NewsArticle`` with this site as publisher and author."""
        url = request.build_absolute_uri(self.get_url(request=request))
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "url": url,
            "mainEntityOfPage": url,
            "description": self.standfirst,
            "inLanguage": self.locale.language_code,
            "datePublished": self.date_published.isoformat(),
            "dateModified": (self.last_published_at or self.date_published).isoformat(),
            "publisher": publisher,
            "author": [publisher],
            "isAccessibleForFree": True,
        }
        if self.spokesperson_name:
            contact = {"@type": "ContactPoint", "contactType": "media relations"}
            contact["name"] = self.spokesperson_name
            if self.spokesperson_email:
                contact["email"] = self.spokesperson_email
            if self.spokesperson_phone:
                contact["telephone"] = self.spokesperson_phone
            data["publisher"] = {**publisher, "contactPoint": contact}
        return data
