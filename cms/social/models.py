"""Social channels, the posts queued to them, and the share image drawn for each story."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import conf


class ChannelKind(models.TextChoices):
    TELEGRAM = "telegram", _("Telegram channel")
    MASTODON = "mastodon", _("Mastodon account")
    FACEBOOK = "facebook", _("Facebook Page")


DEFAULT_API = {
    ChannelKind.TELEGRAM: "SOCIAL_TELEGRAM_API",
    ChannelKind.MASTODON: "SOCIAL_MASTODON_API",
    ChannelKind.FACEBOOK: "SOCIAL_FACEBOOK_API",
}


class Channel(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=ChannelKind.choices)
    language = models.CharField(_("language"), max_length=16, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=120)
    api_base = models.URLField(
        _("API base URL"),
        blank=True,
        help_text=_(
            "Leave empty for the default of the kind (Telegram and Facebook); "
            "for Mastodon, the instance URL, e.g. https://mastodon.social."
        ),
    )
    token = models.CharField(
        _("access token"),
        max_length=500,
        help_text=_("Bot token (Telegram), access token (Mastodon) or Page access token."),
    )
    target = models.CharField(
        _("channel or page id"),
        max_length=120,
        blank=True,
        help_text=_("Telegram: @channelname or chat id; Facebook: the Page id; Mastodon: empty."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("social channel")
        verbose_name_plural = _("social channels")
        ordering = ["language", "kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()}, {self.language})"

    @property
    def base_url(self) -> str:
        return (self.api_base or conf.get(DEFAULT_API[self.kind])).rstrip("/")

    @property
    def masked_token(self) -> str:
        """The token as the admin shows it: its last four characters only."""
        if not self.token:
            return ""
        return "•" * 8 + (self.token[-4:] if len(self.token) > 12 else "")


class PostStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    RETRYING = "retrying", _("Waiting to retry")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Post(models.Model):
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="posts")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=16, choices=settings.LANGUAGES)
    text = models.TextField(_("text"))
    with_image = models.BooleanField(_("with the share image"), default=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PostStatus.choices, default=PostStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    idempotency_key = models.UUIDField(default=uuid.uuid4, editable=False)
    remote_id = models.CharField(max_length=200, blank=True)
    url = models.URLField(_("post URL"), max_length=500, blank=True)
    queued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("social post")
        verbose_name_plural = _("social posts")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.channel.name}: {self.text[:40]}"


class ShareImage(models.Model):
    """The 1200x630 card of one page (one language): drawn again when its headline,
    photo or design changes (``key``), named after that key so its URL changes too."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    file = models.ImageField(upload_to="social/share", width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("share image")
        verbose_name_plural = _("share images")

    def __str__(self) -> str:
        return self.file.name
