from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .fields import LanguageTextsField, SourceTextField, text_in


class Region(models.TextChoices):
    NORTHERN_UPLANDS = "northern-uplands", _("Northern midlands and mountains")
    RED_RIVER_DELTA = "red-river-delta", _("Red River Delta")
    CENTRAL_COAST = "central-coast", _("North Central and Central Coast")
    CENTRAL_HIGHLANDS = "central-highlands", _("Central Highlands")
    SOUTHEAST = "southeast", _("Southeast")
    MEKONG_DELTA = "mekong-delta", _("Mekong Delta")


class UnitType(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "centrally-run city", _("Centrally-run city")


class Confidence(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


BORDER_COUNTRIES = {"CN": _("China"), "LA": _("Laos"), "KH": _("Cambodia")}


class TranslatedTexts(models.Model):
    """``name`` (and other texts) in Vietnamese in their column, other languages in
    ``names``; see cms/taxonomy/fields.py."""

    class Meta:
        abstract = True

    def name_in(self, language: str) -> str:
        return text_in(self, "name", "names", language)

    @property
    def name_vi(self) -> str:
        return self.name_in("vi")

    def clean_fields(self, exclude=None):
        # Django reads and writes back every field here: read the Vietnamese column.
        with translation.override("vi"):
            super().clean_fields(exclude=exclude)


class Province(index.Indexed, TranslatedTexts):
    """A province-level unit in force since 1 July 2025 (Resolution 202/2025/QH15).

    ``name`` and ``former_provinces`` hold Vietnamese; ``names`` and
    ``former_provinces_translations`` the other languages ({code: text}).
    ``portal_confidence`` keeps the confidence of the source data for the portal domain.
    """

    number = models.PositiveSmallIntegerField(unique=True)
    code = models.SlugField(max_length=40, unique=True)
    name = SourceTextField(_("name (Vietnamese)"), max_length=100, translations="names")
    names = LanguageTextsField(_("names in other languages"), max_length=100)
    unit_type = models.CharField(_("type"), max_length=20, choices=UnitType.choices)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    former_provinces = SourceTextField(
        _("formed from"), max_length=255, blank=True, translations="former_provinces_translations"
    )
    former_provinces_translations = LanguageTextsField(
        _("formed from, in other languages"), max_length=255
    )
    administrative_centre = models.CharField(_("administrative centre"), max_length=100)
    centre_evidence = models.CharField(max_length=255, blank=True)
    border_countries = models.CharField(
        _("land border with"),
        max_length=20,
        blank=True,
        help_text=_("Space-separated ISO codes: CN, LA, KH."),
    )
    portal_domain = models.CharField(_("portal domain"), max_length=100, blank=True)
    portal_evidence = models.TextField(blank=True)
    portal_confidence = models.CharField(
        _("portal confidence"), max_length=10, choices=Confidence.choices, default="medium"
    )
    notes = models.TextField(blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("code"), FieldPanel("name"), FieldPanel("names")],
            heading=_("Identity"),
        ),
        FieldPanel("unit_type"),
        FieldPanel("region"),
        FieldPanel("former_provinces"),
        FieldPanel("former_provinces_translations"),
        FieldPanel("administrative_centre"),
        FieldPanel("border_countries"),
        MultiFieldPanel(
            [
                FieldPanel("portal_domain"),
                FieldPanel("portal_confidence"),
                FieldPanel("portal_evidence"),
            ],
            heading=_("Portal"),
        ),
        FieldPanel("notes"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name

    @property
    def border_country_names(self) -> list[str]:
        return [
            str(BORDER_COUNTRIES[c]) for c in self.border_countries.split() if c in BORDER_COUNTRIES
        ]

    @property
    def portal_url(self) -> str:
        return f"https://{self.portal_domain}/" if self.portal_domain else ""


class Topic(index.Indexed, TranslatedTexts):
    slug = models.SlugField(max_length=60, unique=True)
    name = SourceTextField(_("name (Vietnamese)"), max_length=100, translations="names")
    names = LanguageTextsField(_("names in other languages"), max_length=100)
    description = SourceTextField(
        _("description"), max_length=255, blank=True, translations="description_translations"
    )
    description_translations = LanguageTextsField(
        _("description, in other languages"), max_length=255
    )

    panels = [
        FieldPanel("slug"),
        FieldPanel("name"),
        FieldPanel("names"),
        FieldPanel("description"),
        FieldPanel("description_translations"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name
