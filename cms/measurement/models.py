"""Page views in aggregate: one row per UTC day, language, path and referring host.

Nothing about the visitor is stored: no IP address, no cookie, no user agent, no query
string, no full referrer (only its host). See ``counter.py`` for what is counted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

PATH_LENGTH = 500
HOST_LENGTH = 255


class PageView(models.Model):
    day = models.DateField(_("day (UTC)"))
    language = models.CharField(_("language"), max_length=15)
    path = models.CharField(_("path"), max_length=PATH_LENGTH)
    referrer_host = models.CharField(
        _("referring host"),
        max_length=HOST_LENGTH,
        blank=True,
        help_text=_("Empty for no referrer or a link within the site."),
    )
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views (aggregate)")
        verbose_name_plural = _("page views (aggregate)")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "path", "referrer_host"], name="unique_page_view_row"
            )
        ]
        indexes = [models.Index(fields=["day", "language"], name="page_view_day_language")]

    def __str__(self) -> str:
        return f"{self.day} {self.language} {self.path}: {self.views}"
