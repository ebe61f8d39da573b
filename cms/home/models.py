from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.core.pages import validate_unique_in_locale
from translations.pages import TranslatedPage


class HomePage(TranslatedPage, Page):
    """The root of one language's tree; exactly one per locale."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.SectionPage",
        "galleries.GalleryPage",
        "provinces.ProvinceIndexPage",
        "aggregator.FeedIndexPage",
        "people.PeopleIndexPage",
        "events.EventIndexPage",
        "press.PressReleaseIndexPage",
        "submissions.ContributionIndexPage",
        "clarifications.ClarificationIndexPage",
    ]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        validate_unique_in_locale(
            self,
            HomePage.objects.all(),
            _("This language already has a home page."),
        )

    def get_context(self, request, *args, **kwargs):
        from cms.galleries.models import GalleryPage
        from cms.stories.models import SectionPage, StoryPage

        context = super().get_context(request, *args, **kwargs)
        stories = (
            StoryPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("hero_image")
            .order_by("-date_published")
        )
        context["lead_stories"] = stories[:1]
        context["latest_stories"] = stories[1:13]
        context["sections"] = SectionPage.objects.child_of(self).live().public()
        context["galleries"] = GalleryPage.objects.live().public().filter(locale=self.locale)[:4]
        return context
