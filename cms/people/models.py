from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import StoryBodyBlock, stream_text
from cms.core.pages import paginate
from cms.core.params import PageParam, ParamsForm
from translations.pages import TranslatedPage

from .dates import PartialDate, validate_partial_date
from .listing import ListingPage


def _partial(text: str) -> PartialDate | None:
    """The stored date, or None when empty or unreadable (saved past the form's check)."""
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


class Field(models.TextChoices):
    SCIENCE = "science", _("Science")
    ARTS = "arts", _("Arts")
    MUSIC = "music", _("Music")
    LITERATURE = "literature", _("Literature")
    SPORT = "sport", _("Sport")
    BUSINESS = "business", _("Business")
    PUBLIC_LIFE = "public_life", _("Public life")


class AchievementBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(required=False, min_value=1000, max_value=2100)
    text = blocks.CharBlock(label=_("Achievement"))

    class Meta:
        icon = "pick"


class ProfileQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    context = blocks.CharBlock(
        required=False, help_text=_("Where and when it was said or written.")
    )

    class Meta:
        icon = "openquote"


class PeopleParams(ParamsForm):
    """The listing's query string: ``page`` and a ``field`` (an unknown one is ignored)."""

    page = PageParam()
    field = forms.ChoiceField(choices=Field.choices, required=False)


class PeopleIndexPage(ListingPage, TranslatedPage, Page):
    """Notable people of Vietnam, one profile each; ``?field=`` narrows the list."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    params_class = PeopleParams
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1  # one listing per language
    subpage_types = ["people.ProfilePage"]
    template = "people/people_index_page.html"

    class Meta:
        verbose_name = _("people index")

    def feed_pages(self):
        return ProfilePage.objects.child_of(self).live().public().order_by("-date_published", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chosen = context.get("params", {}).get("field") or ""
        people = (
            ProfilePage.objects.child_of(self)
            .live()
            .public()
            .select_related("portrait_image")
            .order_by("title")
        )
        if chosen:
            people = people.filter(field=chosen)
        context["people"] = paginate(request, people)
        context["fields"] = Field.choices
        context["chosen_field"] = chosen
        return context


class ProfilePage(TranslatedPage, Page):
    """A notable person: portrait, field, life dates, achievements, quotes and a text."""

    standfirst = models.TextField(_("summary"), help_text=_("One or two sentences."))
    portrait_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    portrait_alt = models.CharField(_("portrait alternative text"), max_length=255, blank=True)
    portrait_credit = models.CharField(_("portrait credit"), max_length=255, blank=True)
    field = models.CharField(_("field"), max_length=20, choices=Field.choices)
    birth_date = models.CharField(
        _("date of birth"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD"),
    )
    death_date = models.CharField(
        _("date of death"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; empty while the person lives"),
    )
    birth_place = models.CharField(_("place of birth"), max_length=255, blank=True)
    achievements = StreamField([("achievement", AchievementBlock())], blank=True)
    quotes = StreamField([("quote", ProfileQuoteBlock())], blank=True)
    body = StreamField(StoryBodyBlock(), blank=True)
    date_published = models.DateTimeField(_("publication date"), default=timezone.now)
    province = models.ForeignKey(
        "taxonomy.Province",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("province of birth"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("portrait_image"),
                FieldPanel("portrait_alt"),
                FieldPanel("portrait_credit"),
            ],
            heading=_("Portrait"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("field"),
                FieldPanel("birth_date"),
                FieldPanel("death_date"),
                FieldPanel("birth_place"),
                FieldPanel("province"),
            ],
            heading=_("Life"),
        ),
        FieldPanel("achievements"),
        FieldPanel("quotes"),
        FieldPanel("body"),
        FieldPanel("date_published"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("date_published"),
    ]
    override_translatable_fields = [
        *TranslatedPage.override_translatable_fields,
        SynchronizedField("birth_date"),
        SynchronizedField("death_date"),
    ]
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    template = "people/profile_page.html"
    search_kind = "story"  # indexed by cms.search; Kind has no own value (see README)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    @property
    def birth(self) -> PartialDate | None:
        return _partial(self.birth_date)

    @property
    def death(self) -> PartialDate | None:
        return _partial(self.death_date)

    def life_dates_birth(self) -> str:
        return self.birth.display(get_language() or "en") if self.birth else ""

    def life_dates_death(self) -> str:
        return self.death.display(get_language() or "en") if self.death else ""

    def life_dates(self) -> str:
        """Birth and death dates, or ``born 28 February 1939``, in the active language."""
        language = get_language() or self.locale.language_code
        birth, death = self.birth, self.death
        if birth and death:
            return f"{birth.display(language)} – {death.display(language)}"
        if birth:
            return _("born %(date)s") % {"date": birth.display(language)}
        if death:
            return _("died %(date)s") % {"date": death.display(language)}
        return ""

    def search_body(self) -> str:
        quotes = " ".join(f"{q.value['quote']} {q.value['context']}" for q in self.quotes)
        achievements = " ".join(a.value["text"] for a in self.achievements)
        return f"{self.standfirst} {achievements} {quotes} {stream_text(self.body)}"

    def feed_summary(self) -> str:
        return self.standfirst

    def json_ld(self, request, publisher: dict) -> dict:
        """schema.org ``Person`` (see cms.syndication.jsonld, which escapes it)."""
        url = request.build_absolute_uri(self.get_url(request=request))
        data = {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": self.title,
            "url": url,
            "mainEntityOfPage": url,
            "description": self.standfirst,
            "knowsAbout": str(self.get_field_display()),
        }
        if self.birth:
            data["birthDate"] = self.birth.iso()
        if self.death:
            data["deathDate"] = self.death.iso()
        if self.birth_place:
            data["birthPlace"] = {"@type": "Place", "name": self.birth_place}
        if self.portrait_image_id:
            try:
                rendition = self.portrait_image.get_rendition("fill-800x800|format-jpeg")
                data["image"] = request.build_absolute_uri(rendition.url)
            except SourceImageIOError:  # the file is missing: leave the image out, not fail
                pass
        awards = [a.value["text"] for a in self.achievements]
        if awards:
            data["award"] = awards
        return data
