from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


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


class Province(index.Indexed, models.Model):
    """A province-level unit in force since 1 July 2025 (Resolution 202/2025/QH15).

    ``name`` and ``former_provinces`` are translated with django-modeltranslation;
    ``portal_confidence`` keeps the confidence of the source data for the portal domain.
    """

    number = models.PositiveSmallIntegerField(unique=True)
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    unit_type = models.CharField(_("type"), max_length=20, choices=UnitType.choices)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    former_provinces = models.CharField(_("formed from"), max_length=255, blank=True)
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
            [FieldPanel("number"), FieldPanel("code"), FieldPanel("name")], heading=_("Identity")
        ),
        FieldPanel("unit_type"),
        FieldPanel("region"),
        FieldPanel("former_provinces"),
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


class Topic(index.Indexed, models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [FieldPanel("slug"), FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name
