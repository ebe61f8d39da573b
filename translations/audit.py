"""The translation chain on the record, in Wagtail's audit log.

Every step is a ``PageLogEntry`` on the translated page (or, before a draft exists, on
the source page) with a custom action type, so it shows in the page's history and in the
site history report. Each entry stores the target language in ``data["language"]``; the
site history report gains a language filter (``SiteHistoryView``) that also matches
Wagtail's own entries by the page's locale.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log
from wagtail.models import Locale, Page, PageLogEntry

MT_REQUEST = "translations.mt_request"
SUBMIT = "translations.submit"
APPROVE = "translations.approve"
SEND_BACK = "translations.send_back"
PUBLISH = "translations.publish"
REFUSED = "translations.refused"


class TranslationLogFormatter(LogFormatter):
    label = ""
    message = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        text = str(self.message) % {"language": data.get("language", "?")}
        detail = self.detail(data)
        return f"{text}: {detail}" if detail else text

    def detail(self, data: dict) -> str:
        return ""


class MTRequestFormatter(TranslationLogFormatter):
    label = _("Machine translation requested")
    message = _("Machine translation requested into %(language)s")

    def detail(self, data):
        return data.get("kind", "")


class SubmitFormatter(TranslationLogFormatter):
    label = _("Translation sent for review")
    message = _("Translation (%(language)s) sent for review")


class ApproveFormatter(TranslationLogFormatter):
    label = _("Translation approved")
    message = _("Translation (%(language)s) approved")

    def detail(self, data):
        reason = data.get("qa_override_reason", "")
        if not reason:
            return ""
        return gettext("quality checks overridden, reason: %(reason)s") % {"reason": reason}


class SendBackFormatter(TranslationLogFormatter):
    label = _("Translation sent back")
    message = _("Translation (%(language)s) sent back to the translator")

    def detail(self, data):
        return data.get("comment", "")


class PublishFormatter(TranslationLogFormatter):
    label = _("Reviewed translation published")
    message = _("Reviewed translation (%(language)s) published")


class RefusedFormatter(TranslationLogFormatter):
    label = _("Action refused")
    message = _("Action refused on the %(language)s tree")

    def detail(self, data):
        return data.get("view", "")


FORMATTERS = {
    MT_REQUEST: MTRequestFormatter,
    SUBMIT: SubmitFormatter,
    APPROVE: ApproveFormatter,
    SEND_BACK: SendBackFormatter,
    PUBLISH: PublishFormatter,
    REFUSED: RefusedFormatter,
}


def register(actions) -> None:
    """Called from the ``register_log_actions`` hook."""
    for action, formatter in FORMATTERS.items():
        actions.register_action(action)(formatter)


def record(page: Page, action: str, user, language: str, **data) -> PageLogEntry | None:
    """Log ``action`` on ``page``; ``language`` is the translation's target language."""
    return wagtail_log(
        instance=page.specific_deferred,
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        data={"language": language, **data},
    )


class TranslationHistoryFilterSet(SiteHistoryReportFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), method="filter_language", choices=[]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = [
            (locale.language_code, locale.get_display_name())
            for locale in Locale.objects.order_by("language_code")
        ]

    def filter_language(self, queryset, name, value):
        if not value:
            return queryset
        matches = Q(data__language=value)
        if queryset.model is PageLogEntry:
            matches |= Q(page__locale__language_code=value)
        return queryset.filter(matches)

    class Meta(SiteHistoryReportFilterSet.Meta):
        pass


class SiteHistoryView(LogEntriesView):
    """Wagtail's site history report with a language filter (served at its URL)."""

    filterset_class = TranslationHistoryFilterSet
