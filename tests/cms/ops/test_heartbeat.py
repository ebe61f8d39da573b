"""The aggregator's fetch claim follows the heartbeat of the worker that holds it."""

import socket

import pytest
from django.utils import timezone

from cms.aggregator.models import Source
from cms.aggregator.operations import claim
from cms.ops.heartbeat import process_is_dead

from .factories import dead_pid, heartbeat

pytestmark = pytest.mark.django_db


def claimed_source(claimed_by: str) -> Source:
    return Source.objects.create(
        name="Portal",
        url=f"https://portal.example/{claimed_by}",
        fetch_started_at=timezone.now(),
        claimed_by=claimed_by,
    )


def test_a_claim_of_a_worker_on_another_machine_is_released_when_its_heartbeat_stops(settings):
    settings.WORKER_HEARTBEAT_MAX_AGE = 60
    heartbeat("remote", seen_ago=300, hostname="worker-2", pid=77)
    source = claimed_source("worker-2:77")
    assert claim(source.pk) is not None


def test_a_claim_of_a_live_worker_on_another_machine_holds(settings):
    settings.WORKER_HEARTBEAT_MAX_AGE = 60
    heartbeat("remote", seen_ago=5, hostname="worker-2", pid=77)
    source = claimed_source("worker-2:77")
    assert claim(source.pk) is None


def test_processes_without_heartbeat_are_judged_on_this_machine_only():
    here = socket.gethostname()
    assert process_is_dead(here, dead_pid())
    assert not process_is_dead("worker-9", dead_pid())
