import pytest

from tests.helpers import locale, story
from translations.models import TranslationTask
from translations.models.workflow import TaskStatus
from translations.requests import RequestError, request_translations
from translations.tasks import run_translation_task

pytestmark = pytest.mark.django_db


def test_a_finished_task_is_not_redone(installed_models):
    page = story("coffee-exports")
    [task] = request_translations(page, [locale("lo")])
    assert task.status == TaskStatus.DONE
    assert task.segments_from_mt > 0
    run_translation_task.call(task.pk)
    task.refresh_from_db()
    assert task.attempts == 1


def test_a_stale_running_task_is_replaced(installed_models):
    from datetime import timedelta

    from django.utils import timezone

    page = story("coffee-exports")
    stale = TranslationTask.objects.create(
        source_page=page,
        target_locale=locale("lo"),
        status=TaskStatus.RUNNING,
        started_at=timezone.now() - timedelta(hours=2),
    )
    [task] = request_translations(page, [locale("lo")])
    assert task.pk != stale.pk
    assert task.status == TaskStatus.DONE


def test_cannot_translate_into_own_language():
    with pytest.raises(RequestError):
        request_translations(story("coffee-exports"), [locale("vi")])


def test_failure_is_recorded(installed_models):
    [task] = request_translations(story("coffee-exports"), [locale("ko")])
    assert task.status == TaskStatus.FAILED
    assert "EngineError" in task.error


def test_publishing_the_source_requests_configured_languages(installed_models, settings):
    settings.MT_TRANSLATE_ON_PUBLISH = ["km"]
    page = story("north-south-expressway")
    page.save_revision().publish()
    khmer = page.get_translation(locale("km"))
    assert not khmer.live
    assert TranslationTask.objects.filter(source_page=page, status=TaskStatus.DONE).exists()
