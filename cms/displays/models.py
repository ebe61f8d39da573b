"""Border-gate displays: a kiosk's configuration, the heartbeats it sent and what it showed."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(24)


def source_sections():
    """Only sections of the source-language tree can be chosen (their translations follow)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class Display(models.Model):
    """One kiosk screen at a border gate. Its URL carries ``token``, a secret: a kiosk is
    unattended, so whoever reads the URL off the screen gets no more than the kiosk shows."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    token = models.CharField(_("access key"), max_length=64, unique=True, default=new_token)
    languages = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("languages"),
        related_name="+",
        help_text=_("Vietnamese and the neighbouring country's language."),
    )
    sections = models.ManyToManyField(
        "stories.SectionPage",
        verbose_name=_("sections"),
        related_name="+",
        limit_choices_to=source_sections,
        help_text=_("Sections of the Vietnamese site; their translations are shown too."),
    )
    seconds_per_item = models.PositiveSmallIntegerField(
        _("seconds per item"),
        default=12,
        validators=[MinValueValidator(3), MaxValueValidator(600)],
    )
    items_per_language = models.PositiveSmallIntegerField(
        _("items per language"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    heartbeat_seconds = models.PositiveSmallIntegerField(
        _("heartbeat interval (seconds)"),
        default=60,
        validators=[MinValueValidator(10), MaxValueValidator(3600)],
        help_text=_("How often the kiosk reports that it is on."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, editable=False)

    class Meta:
        verbose_name = _("border-gate display")
        verbose_name_plural = _("border-gate displays")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("displays:kiosk", args=[self.slug, self.token])

    def language_codes(self) -> list[str]:
        """The display's languages, the source language first, then in the site's order."""
        chosen = {locale.language_code for locale in self.languages.all()}
        return [code for code, _name in settings.LANGUAGES if code in chosen]

    def is_online(self, now=None) -> bool:
        """Online while the last heartbeat is younger than three intervals."""
        if self.last_heartbeat_at is None:
            return False
        now = now or timezone.now()
        return now - self.last_heartbeat_at < timedelta(seconds=3 * self.heartbeat_seconds)


class HeartbeatSlot(models.Model):
    """One heartbeat interval of a display in which at least one heartbeat arrived:
    uptime is the share of a month's intervals that have a row."""

    display = models.ForeignKey(Display, on_delete=models.CASCADE, related_name="slots")
    slot_start = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["display", "slot_start"], name="displays_slot_once")
        ]

    def __str__(self) -> str:
        return f"{self.display_id} @ {self.slot_start:%Y-%m-%d %H:%M:%S}"


class ItemShown(models.Model):
    """How often a display showed one item (a story, or one photo of a gallery) in one
    language on one day (the day the kiosk reported it, in the site's time zone)."""

    display = models.ForeignKey(Display, on_delete=models.CASCADE, related_name="shown")
    day = models.DateField()
    language_code = models.CharField(max_length=20)
    item_key = models.CharField(max_length=40)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["display", "day", "language_code", "item_key"],
                name="displays_shown_once_a_day",
            )
        ]
        indexes = [models.Index(fields=["day", "language_code"])]

    def __str__(self) -> str:
        return f"{self.item_key} ({self.language_code}, {self.day}): {self.count}"
