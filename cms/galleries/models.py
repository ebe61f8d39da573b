from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import GalleryItemBlock, stream_text
from translations.pages import TranslatedPage


class GalleryPage(TranslatedPage, Page):
    """Photos and videos, each with its own caption and credit."""

    intro = models.TextField(_("introduction"), blank=True)
    items = StreamField(GalleryItemBlock(), blank=True)
    date_published = models.DateTimeField(_("publication date"), default=timezone.now)
    province = models.ForeignKey(
        "taxonomy.Province", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("items"),
        FieldPanel("date_published"),
        FieldPanel("province"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("items")]
    parent_page_types = ["home.HomePage", "stories.SectionPage"]
    subpage_types = []
    template = "galleries/gallery_page.html"
    search_kind = "gallery"  # indexed by cms.search (see its documents module)

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")

    def search_body(self) -> str:
        return f"{self.intro} {stream_text(self.items)}"

    @property
    def first_photo(self):
        for item in self.items:
            if item.block_type == "photo":
                return item.value
        return None
