"""Production settings refuse to start without a real secret key."""

import os
import subprocess
import sys

import pytest

CHECK = "import django; django.setup()"


def start(secret_key: str | None):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    return subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "secret_key", [None, "", "short", "dev-only-insecure-key-do-not-use-in-production"]
)
def test_refuses_without_a_real_secret_key(secret_key):
    result = start(secret_key)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_starts_with_a_real_secret_key():
    result = start("k3Jd8s0-Qm2vX9pLr4TzYw7Nc1Hb5Fg6Ue0Ao3Is8Dq")
    assert result.returncode == 0, result.stderr
