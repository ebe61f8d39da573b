"""Asking for translations: one background task per page and language.

It sits beside ``tasks`` rather than in ``operations``: the worker's task imports the
drafting operation, and this module imports the task, so the imports flow one way.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from translations import audit
from translations.errors import TranslationsError
from translations.models import TranslationTask
from translations.models.workflow import TaskKind, TaskStatus
from translations.tasks import run_translation_task

# A task still "running" after this long belonged to a worker that died; it is redone.
STALE_AFTER = timedelta(minutes=30)


class RequestError(TranslationsError):
    pass


def request_translations(
    page: Page, locales, user=None, kind: str = TaskKind.REQUEST
) -> list[TranslationTask]:
    """Queue MT drafts of ``page`` into ``locales``; returns the tasks (run at once with
    the immediate tasks backend). With a ``user``, their right to each language is checked;
    without one (publishing hooks, the command line) the system asks."""
    from translations.permissions import can_request_translation

    locales = [
        locale if isinstance(locale, Locale) else Locale.objects.get(language_code=locale)
        for locale in locales
    ]
    if any(locale.pk == page.locale_id for locale in locales):
        raise RequestError(_("A page cannot be translated into its own language."))
    if user is not None:
        if not all(can_request_translation(user, page, locale) for locale in locales):
            raise PermissionDenied  # recorded by the RefusalAuditMiddleware
    tasks = []
    with transaction.atomic():
        for locale in locales:
            existing = (
                TranslationTask.objects.filter(source_page=page, target_locale=locale, kind=kind)
                .filter(
                    Q(status=TaskStatus.QUEUED)
                    | Q(status=TaskStatus.RUNNING, started_at__gte=timezone.now() - STALE_AFTER)
                )
                .first()
            )
            if existing:
                tasks.append(existing)
                continue
            tasks.append(
                TranslationTask.objects.create(
                    source_page=page, target_locale=locale, requested_by=user, kind=kind
                )
            )
            audit.record(page, audit.MT_REQUEST, user, locale.language_code, kind=str(kind))
    for task in tasks:
        if task.status == TaskStatus.QUEUED:
            run_translation_task.enqueue(task.pk)
    fresh = TranslationTask.objects.select_related("target_locale").in_bulk([t.pk for t in tasks])
    return [fresh[task.pk] for task in tasks]
