"""Workers killed with SIGKILL in the middle of a job: a new worker takes the job up
again, it completes exactly once, and the fetch schedule goes on by itself."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.aggregator.models import Item, Source
from cms.aggregator.tasks import TICK_PATH, ensure_scheduler
from cms.ops.models import WorkerHeartbeat
from cms.stories.models import StoryPage
from tests import demo_snapshot
from tests.cms.aggregator.conftest import rss
from tests.cms.aggregator.server import FeedServer
from tests.helpers import locale, story
from translations.models import TranslationReview, TranslationTask
from translations.models.workflow import TaskStatus
from translations.requests import request_translations

from . import probe_tasks
from .mt_server import SlowTranslator
from .workers import kill, start_worker, stop, wait_until, workers

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MT_PATH = "translations.tasks.run_translation_task"


@pytest.fixture
def demo():
    """The demo content (an earlier transactional test may have flushed it), loaded before
    the queue is switched to the database so that its own jobs run at once."""
    if not StoryPage.objects.filter(slug="coffee-exports").exists():
        demo_snapshot.restore()  # an earlier transactional test may have flushed it


@pytest.fixture
def queue(settings):
    settings.TASKS = DATABASE_TASKS


def test_translation_job_of_a_killed_worker_completes_once(demo, queue):
    page, french = story("coffee-exports"), locale("fr")
    with SlowTranslator(delay=30) as mt:
        first = start_worker(MT_LIBRETRANSLATE_URL=mt.url)
        try:
            [job] = request_translations(page, [french])
            assert mt.wait_for_requests(1, timeout=120), stop(first)
        finally:
            kill(first)
        job.refresh_from_db()
        assert (job.status, job.attempts) == (TaskStatus.RUNNING, 1)
        assert DBTaskResult.objects.get(task_path=MT_PATH).status == "RUNNING"

        mt.delay = 0
        with workers(1, MT_LIBRETRANSLATE_URL=mt.url):
            assert wait_until(
                lambda: TranslationTask.objects.get(pk=job.pk).status == TaskStatus.DONE, 120
            )

    job.refresh_from_db()
    assert job.attempts == 2 and job.error == ""
    result = DBTaskResult.objects.get(task_path=MT_PATH)
    assert result.status == "SUCCESSFUL" and len(result.worker_ids) == 2
    drafts = StoryPage.objects.filter(translation_key=page.translation_key, locale=french)
    assert drafts.count() == 1
    draft = drafts.get()
    assert not draft.live and draft.title == f"[fr] {page.title}"
    reviews = TranslationReview.objects.filter(
        translation__source__object_id=page.translation_key, translation__target_locale=french
    )
    assert reviews.count() == 1


def test_fetch_schedule_survives_a_worker_killed_mid_batch(queue):
    sources, items = 4, 3
    with FeedServer() as server:
        for n in range(sources):
            body = rss(
                [
                    (f"s{n}-i{k}", f"Tin {k} của nguồn {n}", f"Nội dung {n}-{k}.")
                    for k in range(items)
                ]
            )
            Source.objects.create(
                name=f"Portal {n}", url=server.add(f"/feed{n}", body=body, delay=1.0), active=True
            )
        assert ensure_scheduler()
        first = start_worker(AGGREGATOR_TICK="1")
        try:
            assert server.wait_for_requests(2, timeout=120), stop(first)
        finally:
            kill(first)
        tick = DBTaskResult.objects.get(task_path=TICK_PATH)
        assert tick.status == "RUNNING"
        assert Source.objects.exclude(fetch_started_at=None).count() == 1

        # No "already running": the dead worker's tick goes back in the queue.
        assert ensure_scheduler() is False
        tick.refresh_from_db()
        assert tick.status == "READY" and len(tick.worker_ids) == 1

        for route in server.routes.values():
            route.delay = 0
        with workers(1, AGGREGATOR_TICK="1") as [second]:
            unfetched = Source.objects.filter(last_success_at=None)
            assert wait_until(lambda: not unfetched.exists(), 120), stop(second)
            # The schedule goes on: a source that falls due is fetched by a later tick.
            again = Source.objects.order_by("pk").first()
            mark = timezone.now()
            Source.objects.filter(pk=again.pk).update(next_fetch_at=mark)
            assert wait_until(lambda: Source.objects.get(pk=again.pk).last_fetch_at > mark, 120)

    ours = Item.objects.filter(source__name__startswith="Portal ")  # not the demo's
    assert ours.count() == sources * items
    assert ours.values("source", "guid_hash").distinct().count() == sources * items
    assert not Source.objects.exclude(fetch_started_at=None).exists()
    tick.refresh_from_db()
    assert tick.status == "SUCCESSFUL" and len(tick.worker_ids) == 2
    ticks = DBTaskResult.objects.filter(task_path=TICK_PATH)
    assert ticks.filter(status="SUCCESSFUL").count() >= 2
    assert not ticks.filter(status="FAILED").exists()


def test_two_workers_never_run_the_same_job_twice(queue):
    jobs = 20
    with workers(2):
        assert wait_until(lambda: WorkerHeartbeat.objects.count() == 2, 120)
        results = [probe_tasks.record.enqueue(f"{n:02d}") for n in range(jobs)]
        ids = [result.id for result in results]
        assert wait_until(
            lambda: DBTaskResult.objects.filter(pk__in=ids, status="SUCCESSFUL").count() == jobs,
            60,
        )
    names = Group.objects.filter(name__startswith=probe_tasks.PREFIX).values_list("name", flat=True)
    labels = sorted(name.split("-")[1] for name in names)
    assert labels == [f"{n:02d}" for n in range(jobs)]
    assert all(len(r.worker_ids) == 1 for r in DBTaskResult.objects.filter(pk__in=ids))
    assert not WorkerHeartbeat.objects.exists(), "workers stopped cleanly remove their heartbeat"
