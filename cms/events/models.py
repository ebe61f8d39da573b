from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import StoryBodyBlock, stream_text
from cms.core.pages import paginate
from cms.core.params import PageParam, ParamsForm
from cms.people.listing import ListingPage
from translations.pages import TranslatedPage

from . import jsonld
from .forms import EventPageForm
from .ordinals import anniversary_label
from .recurrence import DEFAULT_ZONE, Occurrence, first_occurrence, next_occurrence, validate_zone


class EventParams(ParamsForm):
    """``page`` and ``when`` (upcoming, the default, or past; another value is ignored)."""

    page = PageParam()
    when = forms.ChoiceField(
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))], required=False
    )


class EventIndexPage(ListingPage, TranslatedPage, Page):
    """The events of one language: upcoming (anniversaries at their next date) or past."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    params_class = EventParams
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1  # one listing per language
    subpage_types = ["events.EventPage"]
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("event index")

    def events(self):
        return EventPage.objects.child_of(self).live().public().select_related("province")

    def feed_pages(self):
        return self.events().order_by("-date_published", "-pk")

    def schedule(self, now=None) -> tuple[list, list]:
        """(upcoming, past): (event, occurrence) pairs, upcoming soonest first and past
        most recent first. A yearly event is always upcoming, at its next anniversary."""
        now = now or timezone.now()
        upcoming, past = [], []
        for event in self.events():
            occurrence = next_occurrence(event, now)
            if occurrence is not None:
                upcoming.append((event, occurrence))
            else:
                past.append((event, first_occurrence(event)))
        upcoming.sort(key=lambda pair: (pair[1].start, pair[0].pk))
        past.sort(key=lambda pair: (pair[1].start, pair[0].pk), reverse=True)
        return upcoming, past

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        when = context["params"].get("when") or "upcoming"
        upcoming, past = self.schedule()
        context["when"] = when
        chosen = paginate(request, upcoming if when == "upcoming" else past)
        chosen.object_list = [
            (event, occurrence, event.anniversary(occurrence))
            for event, occurrence in chosen.object_list
        ]
        context["events"] = chosen
        return context


class EventPage(TranslatedPage, Page):
    """An event with its time zone; a yearly one is an anniversary (founded in the year
    of its first date)."""

    standfirst = models.TextField(_("summary"), help_text=_("One or two sentences."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(_("image alternative text"), max_length=255, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=DEFAULT_ZONE,
        validators=[validate_zone],
        help_text=_("IANA name, e.g. Asia/Ho_Chi_Minh. Start and end are typed in this zone."),
    )
    all_day = models.BooleanField(_("all day"), default=False)
    yearly = models.BooleanField(
        _("anniversary, every year"),
        default=False,
        help_text=_("Recurs every year from its first date, e.g. diplomatic relations."),
    )
    place_name = models.CharField(_("place"), max_length=255, blank=True)
    place_address = models.CharField(_("address"), max_length=255, blank=True)
    province = models.ForeignKey(
        "taxonomy.Province", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    online_url = models.URLField(_("online link"), blank=True)
    organizer = models.CharField(
        _("organiser"), max_length=255, blank=True, help_text=_("Empty: this site's publisher.")
    )
    body = StreamField(StoryBodyBlock(), blank=True)
    date_published = models.DateTimeField(_("publication date"), default=timezone.now)

    base_form_class = EventPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("yearly"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("place_address"),
                FieldPanel("province"),
                FieldPanel("online_url"),
                FieldPanel("organizer"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("date_published"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    override_translatable_fields = [
        *TranslatedPage.override_translatable_fields,
        SynchronizedField("time_zone"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"
    search_kind = "story"  # indexed by cms.search; Kind has no own value (see README)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end comes before the start.")})
        if not (self.place_name or self.online_url):
            raise ValidationError({"place_name": _("Give a place, an online link, or both.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        occurrence = self.occurrence()
        context["occurrence"] = occurrence
        context["anniversary"] = self.anniversary(occurrence)
        context["first"] = first_occurrence(self)
        return context

    def occurrence(self, now=None) -> Occurrence:
        """The next occurrence, or the only one when the event is over."""
        now = now or timezone.now()
        return next_occurrence(self, now) or first_occurrence(self)

    def anniversary(self, occurrence: Occurrence | None = None) -> str:
        """“65th anniversary” for a yearly event's next date; empty otherwise."""
        occurrence = occurrence or self.occurrence()
        if not self.yearly or occurrence.anniversary < 1:
            return ""
        return anniversary_label(occurrence.anniversary, get_language() or "en")

    def location_text(self) -> str:
        parts = [self.place_name, self.place_address]
        if self.province_id:
            parts.append(self.province.name)
        return ", ".join(p for p in parts if p) or self.online_url

    def plain_text(self) -> str:
        return f"{self.standfirst}\n\n{strip_tags(stream_text(self.body))}".strip()

    def search_body(self) -> str:
        return f"{self.standfirst} {self.place_name} {stream_text(self.body)}"

    def feed_summary(self) -> str:
        return self.standfirst

    def json_ld(self, request, publisher: dict) -> dict:
        return jsonld.event(request, self, publisher)
