from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceChange(models.Model):
    """A segment whose source string was edited, recorded when the translation is synced.

    wagtail-localize gives the edited paragraph a new ``String``; this row remembers the
    string it replaced, so the review screen can show the translator a word diff of the
    source, and what became of their earlier text: how many sentences were kept and how
    many were machine-translated, or, when the earlier text could not be cut sentence by
    sentence (``aligned`` false), the earlier text itself.
    """

    translation = models.ForeignKey(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="source_changes"
    )
    context = models.ForeignKey(
        "wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+"
    )
    string = models.ForeignKey(
        "wagtail_localize.String", on_delete=models.CASCADE, related_name="+"
    )
    previous_string = models.ForeignKey(
        "wagtail_localize.String", on_delete=models.CASCADE, related_name="+"
    )
    previous_text = models.TextField(blank=True)
    aligned = models.BooleanField(default=False)
    sentences_kept = models.PositiveIntegerField(default=0)
    sentences_translated = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("source change")
        constraints = [
            models.UniqueConstraint(
                fields=["translation", "string", "context"], name="unique_source_change"
            )
        ]

    def __str__(self) -> str:
        return f"{self.previous_string_id} → {self.string_id} ({self.context_id})"
