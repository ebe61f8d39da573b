from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MemoryEntry(models.Model):
    """An approved translation of a source string, reused before MT (exact match) and
    offered to translators when a new string is close to it."""

    string = models.ForeignKey(
        "wagtail_localize.String", on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    source_text = models.TextField()
    text = models.TextField()
    approved_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_length = models.PositiveIntegerField(db_index=True)

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory")
        constraints = [
            models.UniqueConstraint(fields=["string", "locale"], name="unique_memory_entry")
        ]

    def __str__(self) -> str:
        return f"{self.source_text[:40]} → {self.text[:40]}"
