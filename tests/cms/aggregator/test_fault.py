"""A worker killed in the middle of a fetch batch: the next run finishes the batch, and no
item is lost or stored twice."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from cms.aggregator.models import Item, Source
from cms.aggregator.operations import due_source_ids, fetch_many

from .conftest import rss

ROOT = Path(__file__).resolve().parents[3]
SOURCES, ITEMS = 6, 5


def database_url() -> str:
    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{auth}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_killed_worker_loses_nothing_and_duplicates_nothing(server):
    for n in range(SOURCES):
        items = [
            (
                f"s{n}-i{k}",
                f"Tin {k} của nguồn {n}: {'abcdefghij'[k]} {n * 7 + k}",
                f"Nội dung {n}-{k}.",
            )
            for k in range(ITEMS)
        ]
        # Every source is slow, so the worker is certainly mid-batch when it is killed.
        Source.objects.create(
            name=f"Portal {n}", url=server.add(f"/feed{n}", body=rss(items), delay=0.6), active=True
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "aggregator", "fetch", "--due"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        assert server.wait_for_requests(3, timeout=60), "the worker never started fetching"
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    ours = Item.objects.filter(source__name__startswith="Portal ")  # not the demo's
    done_before = ours.values("source").distinct().count()
    assert 1 <= done_before < SOURCES, "the kill must land mid-batch"
    stuck = Source.objects.exclude(fetch_started_at=None)
    assert stuck.count() == 1, "the source being fetched when the worker died is still claimed"

    fetch_many(due_source_ids())

    assert ours.count() == SOURCES * ITEMS
    assert ours.values("source", "guid_hash").distinct().count() == SOURCES * ITEMS
    assert not Source.objects.exclude(fetch_started_at=None).exists()
    assert not Source.objects.filter(active=True, last_success_at=None).exists()
