"""The production profile, run in subprocesses against the machine's PostgreSQL and Redis:
it refuses weak secret keys, passes `check --deploy` without a warning, keeps its cache and
sessions in Redis (shared between processes) and logs JSON lines."""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from cms.settings.deploy import redis_caches

GOOD_KEY = "k3Jd8s0-Qm2vX9pLr4TzYw7Nc1Hb5Fg6Ue0Ao3Is8Dq7Zx2Wv4Rt6Yp1Lk9Mn3B"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/0"
DEPLOY_VARIABLES = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "LOG_FORMAT", "ALLOWED_HOSTS")


def production_env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DEPLOY_VARIABLES}
    env |= {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "vietnam.example",
        "DATABASE_URL": POSTGRES_URL,
        "REDIS_URL": REDIS_URL,
    }
    return env | values


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120
    )


def run_python(code: str, **values: str) -> subprocess.CompletedProcess:
    return run(
        [sys.executable, "-c", "import django; django.setup()\n" + code], production_env(**values)
    )


@pytest.mark.parametrize(
    "secret_key",
    [
        "",
        "short",
        "dev-only-insecure-key-do-not-use-in-production",
        "k3Jd8s0-Qm2vX9pLr4TzYw7Nc1Hb5Fg6Ue0Ao3Is8Dq",  # 43 characters: Django warns
        "a" * 60,  # long but not random
    ],
)
def test_refuses_without_a_real_secret_key(secret_key):
    result = run_python("", SECRET_KEY=secret_key)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_refuses_when_the_key_is_missing():
    env = production_env()
    del env["SECRET_KEY"]
    result = run([sys.executable, "-c", "import django; django.setup()"], env)
    assert "SECRET_KEY must be set" in result.stderr


def test_deploy_check_passes_without_a_warning():
    result = run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--database",
            "default",
            "--fail-level",
            "WARNING",
        ],
        production_env(),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "System check identified no issues" in output


def test_deploy_check_names_what_is_missing_when_hsts_is_off():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy"],
        production_env(SECURE_HSTS_SECONDS="0", SECURE_SSL_REDIRECT="false"),
    )
    assert "security.W004" in result.stderr + result.stdout
    assert "security.W008" in result.stderr + result.stdout


def test_production_profile_uses_postgresql_redis_and_secure_transport():
    result = run_python(
        "import json\n"
        "from django.conf import settings\n"
        "from django.db import connection\n"
        "connection.ensure_connection()\n"
        "print(json.dumps({'vendor': connection.vendor,"
        " 'cache': settings.CACHES['default']['BACKEND'],"
        " 'sessions': settings.SESSION_ENGINE,"
        " 'hsts': settings.SECURE_HSTS_SECONDS, 'ssl_redirect': settings.SECURE_SSL_REDIRECT,"
        " 'secure_cookies': settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE,"
        " 'upgrade': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['upgrade-insecure-requests']}))"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "vendor": "postgresql",
        "cache": "cms.core.redis_cache.RedisCache",  # Django's, one client per pool
        "sessions": "django.contrib.sessions.backends.cache",
        "hsts": 31536000,
        "ssl_redirect": True,
        "secure_cookies": True,
        "upgrade": True,
    }


def test_cache_is_shared_with_another_process_and_invalidated_for_it():
    key = f"test-shared-{uuid.uuid4().hex}"
    read = f"from django.core.cache import cache\nprint(repr(cache.get({key!r})))"
    with override_settings(CACHES=redis_caches(REDIS_URL)):
        cache = caches["default"]
        cache.set(key, "set by the test", 60)
        assert run_python(read).stdout.strip() == "'set by the test'"
        cache.delete(key)
        assert run_python(read).stdout.strip() == "None"
        # ... and the other way round.
        written = run_python(
            f"from django.core.cache import cache\ncache.set({key!r}, 'from the child', 60)"
        )
        assert written.returncode == 0, written.stderr
        assert cache.get(key) == "from the child"
        cache.delete(key)


def test_a_session_created_in_one_process_is_read_in_another():
    created = run_python(
        "from django.contrib.sessions.backends.cache import SessionStore\n"
        "s = SessionStore(); s['marker'] = 'ok'; s.create(); s['marker'] = 'ok'; s.save()\n"
        "print(s.session_key)"
    )
    assert created.returncode == 0, created.stderr
    session_key = created.stdout.strip().splitlines()[-1]
    read = run_python(
        "from django.contrib.sessions.backends.cache import SessionStore\n"
        f"print(SessionStore({session_key!r}).get('marker'))"
    )
    assert read.stdout.strip() == "ok"
    with override_settings(CACHES=redis_caches(REDIS_URL)):
        assert caches["sessions"].get(f"django.contrib.sessions.cache{session_key}") == {
            "marker": "ok"
        }
        caches["sessions"].delete(f"django.contrib.sessions.cache{session_key}")


def test_logs_are_json_lines_by_default():
    result = run_python(
        "import logging\n"
        "from cms.core.request_context import request_id\n"
        "request_id.set('abcdef12')\n"
        "logging.getLogger('cms.test').warning('hello %s', 'world', extra={'items': 3})"
    )
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == "hello world"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "cms.test"
    assert entry["request_id"] == "abcdef12"
    assert entry["items"] == 3


def test_log_format_text_is_a_choice_and_nonsense_is_refused():
    text = run_python(
        "import logging\nlogging.getLogger('cms').warning('plain')", LOG_FORMAT="text"
    )
    assert text.stderr.strip().endswith("cms: plain")
    wrong = run_python("", LOG_FORMAT="xml")
    assert "LOG_FORMAT must be one of text, json" in wrong.stderr
