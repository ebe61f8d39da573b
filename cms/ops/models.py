from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """The last sign of life of one background worker process."""

    worker_id = models.CharField(_("worker ID"), max_length=64, unique=True)
    hostname = models.CharField(_("host name"), max_length=255)
    pid = models.PositiveIntegerField(_("process ID"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    seen_at = models.DateTimeField(_("last seen at"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
