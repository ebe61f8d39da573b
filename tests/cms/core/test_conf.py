"""App settings: a project setting wins, then the environment, then the conf default."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from cms.aggregator import conf as aggregator_conf
from cms.core.conf import AppSettings, Setting, check_settings, database_is_sqlite
from cms.ops import conf as ops_conf
from translations import conf as translations_conf

TABLE = AppSettings(
    Setting("VNIP_TEST_NUMBER", 3, "a number"),
    Setting("VNIP_TEST_SECONDS", 1.5, "seconds", env="VNIP_TEST_SECONDS_ENV"),
    Setting("VNIP_TEST_FLAG", False, "a flag"),
    Setting("VNIP_TEST_LIST", ["a"], "a list"),
    Setting("VNIP_TEST_FIXED", 7, "not from the environment", env=None),
)


def test_default_when_neither_setting_nor_environment(monkeypatch):
    monkeypatch.delenv("VNIP_TEST_NUMBER", raising=False)
    assert TABLE.get("VNIP_TEST_NUMBER") == 3
    assert TABLE.get("VNIP_TEST_LIST") == ["a"]


def test_environment_read_as_the_defaults_type(monkeypatch):
    monkeypatch.setenv("VNIP_TEST_NUMBER", " 12 ")
    monkeypatch.setenv("VNIP_TEST_SECONDS_ENV", "0.25")
    monkeypatch.setenv("VNIP_TEST_FLAG", "yes")
    monkeypatch.setenv("VNIP_TEST_LIST", "vi, en,,km")
    monkeypatch.setenv("VNIP_TEST_FIXED", "99")
    assert TABLE.get("VNIP_TEST_NUMBER") == 12
    assert TABLE.get("VNIP_TEST_SECONDS") == 0.25
    assert TABLE.get("VNIP_TEST_FLAG") is True
    assert TABLE.get("VNIP_TEST_LIST") == ["vi", "en", "km"]
    assert TABLE.get("VNIP_TEST_FIXED") == 7


def test_project_setting_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("VNIP_TEST_NUMBER", "12")
    with override_settings(VNIP_TEST_NUMBER=40):
        assert TABLE.get("VNIP_TEST_NUMBER") == 40
    assert TABLE.get("VNIP_TEST_NUMBER") == 12


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("VNIP_TEST_NUMBER", "many", "VNIP_TEST_NUMBER must be a whole number, not 'many'."),
        ("VNIP_TEST_FLAG", "perhaps", "VNIP_TEST_FLAG must be true or false, not 'perhaps'."),
    ],
)
def test_bad_environment_value_is_named(monkeypatch, name, raw, message):
    monkeypatch.setenv(name, raw)
    with pytest.raises(ImproperlyConfigured) as error:
        TABLE.get(name)
    assert str(error.value) == message


def test_system_check_reports_a_bad_environment_value(monkeypatch):
    assert check_settings() == []
    monkeypatch.setenv("JOBS_MAX_ATTEMPTS", "three")
    errors = check_settings()
    assert [(e.id, e.msg, e.obj) for e in errors] == [
        ("cms.E001", "JOBS_MAX_ATTEMPTS must be a whole number, not 'three'.", "cms.ops")
    ]


def test_app_settings_resolve_at_call_time(settings, monkeypatch):
    monkeypatch.setenv("WORKER_NICE", "5")
    assert ops_conf.get("WORKER_NICE") == 5
    settings.WORKER_NICE = 0
    assert ops_conf.get("WORKER_NICE") == 0
    settings.AGGREGATOR_CONCURRENCY = 3
    assert aggregator_conf.get("AGGREGATOR_CONCURRENCY") == 3
    del settings.AGGREGATOR_CONCURRENCY
    assert aggregator_conf.get("AGGREGATOR_CONCURRENCY") == (1 if database_is_sqlite() else 8)
    monkeypatch.delenv("MT_MODELS_DIR", raising=False)
    del settings.MT_MODELS_DIR
    assert translations_conf.get("MT_MODELS_DIR") == Path(settings.BASE_DIR) / "var" / "mt-models"
