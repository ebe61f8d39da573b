from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    STORY = "story", _("Story")
    GALLERY = "gallery", _("Gallery")
    FEED_ITEM = "feed_item", _("News item")


class SearchDocument(models.Model):
    """One searchable thing (a live page or an aggregated item) with its segmented text.

    ``*_exact`` hold normalised word tokens (diacritics kept), ``*_folded`` the same
    tokens without Vietnamese diacritics, ``*_grams`` grapheme bigrams of text written
    without spaces. The SQLite FTS5 table and the PostgreSQL tsvectors are built from them.
    """

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=20, db_index=True)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=2000)
    section = models.CharField(max_length=100, blank=True, db_index=True)
    province = models.ForeignKey(
        "taxonomy.Province", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    title_exact = models.TextField(blank=True)
    title_folded = models.TextField(blank=True)
    title_grams = models.TextField(blank=True)
    body_exact = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    body_grams = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_document")
        ]
        indexes = [models.Index(fields=["language", "kind"], name="search_language_kind")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title[:40]}"
