"""The desk's data: the terms editors watch, and which aggregated items matched them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.search.segmentation import prepare

TERM_LENGTH = 200


class WatchedTerm(models.Model):
    """A word or phrase to watch for in the news, in one language. Matched like search
    matches a phrase: whole words, Vietnamese diacritics folded, and for Lao, Khmer,
    Chinese (scripts without spaces) consecutive grapheme pairs."""

    language = models.CharField(_("language"), max_length=20, choices=settings.LANGUAGES)
    term = models.CharField(_("term"), max_length=TERM_LENGTH)
    active = models.BooleanField(_("active"), default=True)
    note = models.TextField(_("note"), blank=True, help_text=_("Why it is watched."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language", "term"]
        verbose_name = _("watched term")
        verbose_name_plural = _("watched terms")
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="unique_watched_term")
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.language})"

    def clean(self):
        super().clean()
        self.term = " ".join((self.term or "").split())
        if self.term and not prepare(self.term).tokens:
            raise ValidationError(
                {"term": _("The term has no letters or digits to look for. Type a word.")}
            )


class TermMatch(models.Model):
    """An aggregated item in which a watched term was found (stored, so the desk is fast)."""

    term = models.ForeignKey(WatchedTerm, on_delete=models.CASCADE, related_name="matches")
    item = models.ForeignKey(
        "aggregator.Item", on_delete=models.CASCADE, related_name="watched_term_matches"
    )
    matched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("watched term match")
        constraints = [models.UniqueConstraint(fields=["term", "item"], name="unique_term_match")]

    def __str__(self) -> str:
        return f"{self.term_id}:{self.item_id}"
