"""What the public sends (``Submission``) and who writes regularly (``Contributor``)."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..storage import PrivateStorage


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")
    PERMISSION = "permission", _("All rights reserved; this site may publish it")


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


def _photo_name(instance, filename: str) -> str:
    """A random name: the visitor's file name may itself be personal data."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "img"
    return f"{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


def _confirm_key() -> str:
    return secrets.token_urlsafe(24)


class Contributor(models.Model):
    """A registered contributor ("honorary reporter"): someone who writes regularly.

    Submissions are linked to a contributor by their confirmed e-mail address. The
    profile page is public only when ``public_profile`` is set, with their consent."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), unique=True)
    bio = models.TextField(_("biography"), blank=True)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait_alt = models.CharField(_("portrait alternative text"), max_length=255, blank=True)
    public_profile = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_("Only when the contributor agreed to a public profile page."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("submissions:contributor", args=[self.slug])


class Submission(models.Model):
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True)
    photo = models.FileField(
        _("photo"), storage=PrivateStorage(), upload_to=_photo_name, blank=True, max_length=200
    )
    photo_description = models.CharField(_("photo description"), max_length=255, blank=True)
    consent_processing = models.BooleanField(_("consent to process the data"), default=False)
    consent_name = models.BooleanField(_("consent to publish the name"), default=False)
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices)
    confirm_key = models.CharField(max_length=40, default=_confirm_key, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason for rejection"), blank=True)
    contributor = models.ForeignKey(
        Contributor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purged_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at"]
        permissions = [("moderate_submission", _("Can moderate public submissions"))]

    def __str__(self) -> str:
        return self.title or str(_("(deleted)"))

    def forget_personal_data(self) -> None:
        """Delete the photo and every field that may identify the author; the row keeps
        only its language, status and dates, which the monthly figures count."""
        if self.photo:
            self.photo.delete(save=False)
        for field in ("name", "country", "email", "title", "text", "photo_description", "reason"):
            setattr(self, field, "")
        self.photo = ""
        self.contributor = None
        self.purged_at = timezone.now()
        self.save()
