"""Approved submissions as pages: one ``ContributionIndexPage`` per language tree, its
``ContributionPage`` children translatable like any story (``TranslatedPage``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.pages import paginate, validate_unique_in_locale
from cms.core.params import PageParams, bad_request
from translations.pages import TranslatedPage

from .submissions import Contributor, Licence


class ContributionIndexPage(TranslatedPage, Page):
    """Public voices of one language: the contributions approved by moderators."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["submissions.ContributionPage"]
    max_count_per_parent = 1
    template = "submissions/contribution_index_page.html"

    class Meta:
        verbose_name = _("public voices index")

    def clean(self):
        super().clean()
        validate_unique_in_locale(self, ContributionIndexPage.objects.all())

    def serve(self, request, *args, **kwargs):
        if problem := PageParams(request.GET).rejection():
            return bad_request(request, problem, page=self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = (
            ContributionPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("-date_published")
        )
        context["contributions"] = paginate(request, pages)
        return context


class ContributionPage(TranslatedPage, Page):
    """A story, photo or view sent by a member of the public and approved.

    The byline (``author_name``, ``author_country``) is filled only when the author
    consented to publishing their name; it is synchronised, never machine-translated."""

    body = RichTextField(_("text"), blank=True, features=["bold", "italic", "link"])
    author_name = models.CharField(_("byline"), max_length=200, blank=True)
    author_country = models.CharField(_("author's country"), max_length=100, blank=True)
    contributor = models.ForeignKey(
        Contributor,
        verbose_name=_("contributor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(_("photo alternative text"), max_length=255, blank=True)
    date_published = models.DateTimeField(_("publication date"), default=timezone.now)

    override_translatable_fields = [
        *TranslatedPage.override_translatable_fields,
        SynchronizedField("author_name"),
        SynchronizedField("author_country"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Photo")),
        MultiFieldPanel(
            [
                FieldPanel("author_name"),
                FieldPanel("author_country"),
                FieldPanel("contributor"),
                FieldPanel("licence"),
                FieldPanel("date_published"),
            ],
            heading=_("Author and licence"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["submissions.ContributionIndexPage"]
    subpage_types: list[str] = []
    template = "submissions/contribution_page.html"

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    @property
    def public_contributor(self) -> Contributor | None:
        """The contributor whose profile may be linked: only with a byline and a public
        profile."""
        contributor = self.contributor
        if self.author_name and contributor is not None and contributor.public_profile:
            return contributor
        return None
