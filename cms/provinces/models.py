from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.core.blocks import FactBlock
from cms.core.pages import validate_unique_in_locale
from translations.pages import TranslatedPage


class ProvinceIndexPage(TranslatedPage, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["provinces.ProvincePage"]
    max_count_per_parent = 1
    template = "provinces/province_index_page.html"

    class Meta:
        verbose_name = _("province index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["province_pages"] = (
            ProvincePage.objects.child_of(self)
            .live()
            .public()
            .select_related("province")
            .order_by("province__number")
        )
        return context


class ProvincePage(TranslatedPage, Page):
    """One per province and language: profile, key facts and the official portal."""

    province = models.ForeignKey("taxonomy.Province", on_delete=models.PROTECT, related_name="+")
    profile = RichTextField(_("profile"), blank=True, features=["bold", "italic", "link"])
    key_facts = StreamField([("fact", FactBlock())], blank=True)
    portal_url = models.URLField(
        _("portal link"), blank=True, help_text=_("Leave empty to use the province's portal.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("province"),
        FieldPanel("profile"),
        FieldPanel("key_facts"),
        FieldPanel("portal_url"),
    ]
    parent_page_types = ["provinces.ProvinceIndexPage"]
    subpage_types = []
    template = "provinces/province_page.html"

    class Meta:
        verbose_name = _("province page")

    def clean(self):
        super().clean()
        if self.province_id:
            validate_unique_in_locale(
                self,
                ProvincePage.objects.filter(province_id=self.province_id),
                _("This province already has a page in this language."),
            )

    @property
    def portal_link(self) -> str:
        return self.portal_url or self.province.portal_url

    def get_context(self, request, *args, **kwargs):
        from cms.stories.models import StoryPage

        context = super().get_context(request, *args, **kwargs)
        from cms.aggregator.models.listing import FeedFilters, feed_page

        context["stories"] = (
            StoryPage.objects.live()
            .public()
            .filter(locale=self.locale, province=self.province)
            .order_by("-date_published")[:10]
        )
        context["feed"] = feed_page(
            FeedFilters(province=self.province.code), self.locale.language_code, size=10
        )
        return context
