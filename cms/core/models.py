from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .videos import language_choices, validate_captions, validate_video


class Video(index.Indexed, ClusterableModel):
    """A video file served from this site's media storage, chosen in pages by
    cms.core.blocks.HostedVideoBlock. Played only when the reader presses play."""

    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("video file"), upload_to="videos", validators=[validate_video])
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("file"),
        FieldPanel("poster"),
        InlinePanel("captions"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def __str__(self) -> str:
        return self.title


class VideoCaptions(models.Model):
    """Captions of a video in one language, as a WebVTT file."""

    video = ParentalKey(Video, related_name="captions", on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=16, choices=language_choices)
    file = models.FileField(
        _("captions (WebVTT)"), upload_to="videos/captions", validators=[validate_captions]
    )

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta:
        verbose_name = _("captions")
        verbose_name_plural = _("captions")
        constraints = [
            models.UniqueConstraint(fields=["video", "language"], name="one_captions_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.video} ({self.language})"


register_snippet(Video)
