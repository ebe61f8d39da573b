from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.core.blocks import FactBlock
from cms.core.pages import validate_unique_in_locale
from translations.pages import TranslatedPage

LATEST_STORIES = 10
LATEST_NEWS = 10
SOURCE_LANGUAGE = "vi"  # of the provinces data: names, centres (cms/taxonomy)


@dataclass(frozen=True)
class Fact:
    """One line of a province's facts box; ``lang`` is set when the value is in another
    language than the page (the data's Vietnamese or English fallback)."""

    label: str
    value: str
    lang: str = ""
    url: str = ""


def _centre_name(centre: str) -> str:
    """The centre without the data's "(hiện nay)" ("the present one") note."""
    return centre.replace("(hiện nay)", "").strip()


def _former_list(former: str) -> str:
    return ", ".join(part.strip() for part in former.split("+") if part.strip())


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

    def _language_of(self, store: str) -> str:
        """The language the province's text in the JSON field ``store`` is shown in on this
        page (see cms.taxonomy.fields.text_in), or "" when it is the page's language."""
        page_language = self.locale.language_code
        texts = getattr(self.province, store) or {}
        if page_language == SOURCE_LANGUAGE or texts.get(page_language.lower()):
            return ""
        return "en" if texts.get("en") else SOURCE_LANGUAGE

    def generated_profile(self) -> str:
        """A neutral sentence or two from the provinces data, for a page whose editors have
        not written a profile: its type, what it was formed from, its centre. The data has
        no area or population; nothing else is said."""
        province = self.province
        values = {
            "name": province.name,
            "former": _former_list(province.former_provinces),
            "centre": _centre_name(province.administrative_centre),
        }
        city = province.unit_type == "centrally-run city"
        if values["former"]:
            sentence = (
                gettext(
                    "%(name)s is a centrally-run city of Vietnam, formed on 1 July 2025 from "
                    "%(former)s."
                )
                if city
                else gettext(
                    "%(name)s is a province of Vietnam, formed on 1 July 2025 from %(former)s."
                )
            )
        else:
            sentence = (
                gettext(
                    "%(name)s is a centrally-run city of Vietnam; it kept its territory in the "
                    "2025 reorganisation of provinces."
                )
                if city
                else gettext(
                    "%(name)s is a province of Vietnam; it kept its territory in the 2025 "
                    "reorganisation of provinces."
                )
            )
        centre = gettext("Its political and administrative centre is in %(centre)s.")
        return f"{sentence % values} {centre % values}"

    def facts(self) -> list[Fact]:
        """The facts box: what the provinces data holds, then the editors' key facts."""
        province = self.province
        foreign = "" if self.locale.language_code == SOURCE_LANGUAGE else SOURCE_LANGUAGE
        facts = [
            Fact(gettext("Type"), province.get_unit_type_display()),
            Fact(gettext("Region"), province.get_region_display()),
            Fact(
                gettext("Administrative centre"),
                province.administrative_centre,
                lang=foreign,
            ),
        ]
        if province.former_provinces:
            facts.append(
                Fact(
                    gettext("Formed in 2025 from"),
                    _former_list(province.former_provinces),
                    lang=self._language_of("former_provinces_translations"),
                )
            )
        if province.border_country_names:
            facts.append(
                Fact(gettext("Land border with"), ", ".join(province.border_country_names))
            )
        facts += [Fact(fact.value["label"], fact.value["value"]) for fact in self.key_facts]
        if self.portal_link:
            facts.append(Fact(gettext("Official portal"), self.portal_link, url=self.portal_link))
        return facts

    def latest_stories(self, limit: int = LATEST_STORIES) -> list:
        """The newest live stories of this province in this page's language, with what
        their cards show, in a fixed number of queries."""
        from cms.stories.models import StoryPage

        return list(
            StoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, province_id=self.province_id)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-date_published", "pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        from cms.aggregator.models.listing import FeedFilters, feed_page

        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.latest_stories()
        context["feed"] = feed_page(
            FeedFilters(province=self.province.code), self.locale.language_code, size=LATEST_NEWS
        )
        return context
