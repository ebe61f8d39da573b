import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from .factories import heartbeat
from .workers import ROOT, worker_env

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_healthz_answers_at_the_root_without_a_language_prefix(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_database_cache_and_worker_answer(client, settings):
    settings.TASKS = DATABASE_TASKS
    heartbeat("w1", seen_ago=1)
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["failing"] == []
    assert set(body["checks"]) == {"database", "cache", "worker"}


@pytest.mark.django_db
def test_readyz_names_a_missing_worker(client, settings):
    settings.TASKS = DATABASE_TASKS
    settings.WORKER_HEARTBEAT_MAX_AGE = 60
    heartbeat("w1", seen_ago=600)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["worker"]
    assert body["checks"]["worker"]["error"] == "no worker heartbeat in the last 60 s"


@pytest.mark.django_db
def test_readyz_names_a_broken_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]
    assert "127.0.0.1" not in response.content.decode()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_healthz_answers_while_the_database_is_unreachable():
    port = free_port()
    env = worker_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/none",
        TASKS_BACKEND="immediate",  # no worker to check: only the database fails
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status, body = fetch(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:  # not listening yet, or still loading the application
                assert server.poll() is None and time.monotonic() < deadline, "gunicorn died"
                time.sleep(0.2)
        assert (status, body) == (200, {"status": "ok"})
        status, body = fetch(f"http://127.0.0.1:{port}/readyz")
        assert status == 503
        assert body["failing"] == ["database"]
        assert body["checks"]["database"]["error"] == "unreachable (OperationalError)"
    finally:
        server.terminate()
        server.wait(timeout=10)
