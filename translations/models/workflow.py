from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskKind(models.TextChoices):
    REQUEST = "request", _("New translation")
    SYNC = "sync", _("Sync with source")
    RERUN = "rerun", _("Re-run machine translation")


class TaskStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class TranslationTask(models.Model):
    """One background job: draft (or refresh) one page in one language with MT."""

    source_page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    target_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=TaskKind.choices, default=TaskKind.REQUEST)
    status = models.CharField(max_length=10, choices=TaskStatus.choices, default=TaskStatus.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    engine = models.CharField(max_length=255, blank=True)
    segments_from_memory = models.PositiveIntegerField(default=0)
    segments_from_mt = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("translation task")
        permissions = [
            ("request_translation", _("Can request machine-translated drafts")),
            ("view_translation_dashboard", _("Can see the translation dashboard")),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.source_page_id} → {self.target_locale}"


class ReviewState(models.TextChoices):
    POST_EDIT = "post_edit", _("Waiting for post-edit")
    REVIEW = "review", _("Waiting for review")
    CHANGES = "changes", _("Sent back to the translator")
    APPROVED = "approved", _("Approved and published")


class TranslationReview(models.Model):
    """The review state of one translation (a page in one language).

    While the state is not APPROVED, nobody can publish the page through Wagtail or
    wagtail-localize: only ``operations.approve`` publishes, after QA.
    """

    translation = models.OneToOneField(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="review"
    )
    state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.POST_EDIT
    )
    requested_at = models.DateTimeField()
    drafted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    qa_override_reason = models.TextField(blank=True)
    qa_report = models.JSONField(default=list, blank=True)
    source_synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("translation review")

    def __str__(self) -> str:
        return f"{self.translation} ({self.get_state_display()})"

    @property
    def target_locale(self):
        return self.translation.target_locale

    @property
    def is_outdated(self) -> bool:
        """The source page was published after its content was last brought in."""
        source = self.translation.source
        if hasattr(self, "source_published_at"):  # annotated by metrics.with_outdated
            published = self.source_published_at
        else:
            published = getattr(source.get_source_instance(), "last_published_at", None)
        return bool(published and published > source.last_updated_at)


class MachineSegment(models.Model):
    """What MT produced for one segment, kept to measure post-editing."""

    translation = models.ForeignKey(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="machine_segments"
    )
    string = models.ForeignKey(
        "wagtail_localize.String", on_delete=models.CASCADE, related_name="+"
    )
    context = models.ForeignKey(
        "wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+"
    )
    mt_text = models.TextField()
    engine = models.CharField(max_length=255)
    origin = models.CharField(max_length=10, default="mt")  # "mt" or "memory"
    created_at = models.DateTimeField(auto_now=True)
    final_text = models.TextField(blank=True)
    edit_distance = models.FloatField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation", "string", "context"], name="unique_machine_segment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mt_text[:40]} ({self.engine})"
