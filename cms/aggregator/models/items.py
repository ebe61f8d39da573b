from django.db import models
from django.utils.translation import gettext_lazy as _


class Cluster(models.Model):
    """Near-duplicate items from several sources (one agency story republished by many
    portals), shown under one headline. Items are never deleted to form a cluster."""

    headline = models.ForeignKey(
        "Item", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    size = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("story cluster")

    def __str__(self) -> str:
        return f"Cluster {self.pk} ({self.size})"


class Item(models.Model):
    source = models.ForeignKey("Source", on_delete=models.CASCADE, related_name="items")
    guid = models.TextField()
    guid_hash = models.CharField(max_length=40)
    link = models.URLField(max_length=2000, blank=True)
    link_hash = models.CharField(max_length=40, blank=True, db_index=True)
    content_hash = models.CharField(max_length=40, db_index=True)
    title = models.TextField()
    summary = models.TextField(blank=True)
    content_html = models.TextField(blank=True)
    image_url = models.URLField(max_length=2000, blank=True)
    author = models.CharField(max_length=255, blank=True)
    language = models.CharField(max_length=20)
    province = models.ForeignKey(
        "taxonomy.Province", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topics = models.ManyToManyField("taxonomy.Topic", blank=True, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    ingested_at = models.DateTimeField()
    # Publication time when known, else first seen: what listings sort by.
    sort_at = models.DateTimeField()
    cluster = models.ForeignKey(
        Cluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    is_headline = models.BooleanField(default=True)
    # False until near-duplicate search has run (it runs after the item is committed).
    clustered = models.BooleanField(default=False, db_index=True)
    promoted_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("news item")
        ordering = ["-sort_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "guid_hash"], name="unique_item_guid")
        ]
        indexes = [
            models.Index(fields=["-sort_at", "-id"], name="item_sort"),
            models.Index(fields=["province", "-sort_at", "-id"], name="item_province_sort"),
            models.Index(fields=["source", "-sort_at"], name="item_source_sort"),
        ]

    def __str__(self) -> str:
        return self.title


class ItemBand(models.Model):
    """MinHash LSH bands of an item's text, to find near-duplicates without a full scan."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="bands")
    band = models.BigIntegerField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "band"], name="unique_item_band")]

    def __str__(self) -> str:
        return f"{self.item_id}:{self.band}"


class ItemTranslation(models.Model):
    """A machine translation of an item's headline and summary, always shown as such."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=20)
    title = models.TextField()
    summary = models.TextField(blank=True)
    engine = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="unique_item_translation")
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.title}"
