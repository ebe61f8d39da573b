from datetime import timedelta
from urllib.parse import urlsplit

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class SourceKind(models.TextChoices):
    FEED = "feed", _("Feed (RSS 0.9x/1.0/2.0 or Atom)")
    JSON_FEED = "jsonfeed", _("JSON Feed")
    HTML = "html", _("HTML listing read with CSS selectors")


def default_selectors() -> dict:
    return {"item": "", "title": "", "link": "", "date": "", "summary": "", "image": ""}


class Source(models.Model):
    """One feed or HTML listing, and the state of fetching it."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("URL"), max_length=1000, unique=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=SourceKind.choices, default=SourceKind.FEED
    )
    province = models.ForeignKey(
        "taxonomy.Province",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sources",
    )
    language = models.CharField(_("language"), max_length=20, default="vi")
    topics = models.ManyToManyField("taxonomy.Topic", blank=True, related_name="sources")
    attribution = models.CharField(_("attribution"), max_length=255, blank=True)
    licence_note = models.TextField(_("licence note"), blank=True)
    poll_interval = models.PositiveIntegerField(_("polling interval (minutes)"), default=30)
    active = models.BooleanField(_("active"), default=False)
    verify_tls = models.BooleanField(
        _("verify TLS certificates"),
        default=True,
        help_text=_("Untick only for a portal whose certificate is known to be broken."),
    )
    selectors = models.JSONField(
        _("CSS selectors"),
        default=default_selectors,
        blank=True,
        help_text=_("For HTML listings: item, title, link, date, summary, image."),
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Fetch state
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_fetch_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    next_fetch_at = models.DateTimeField(null=True, blank=True, db_index=True)
    fetch_started_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=255, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("kind"),
        FieldPanel("province"),
        FieldPanel("language"),
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldPanel("attribution"), FieldPanel("licence_note")], heading=_("Rights")
        ),
        MultiFieldPanel(
            [FieldPanel("active"), FieldPanel("poll_interval"), FieldPanel("verify_tls")],
            heading=_("Fetching"),
        ),
        FieldPanel("selectors"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("news source")
        verbose_name_plural = _("news sources")

    def __str__(self) -> str:
        return self.name

    def schedule_next(self, now=None) -> None:
        self.next_fetch_at = (now or timezone.now()) + timedelta(minutes=self.poll_interval)
