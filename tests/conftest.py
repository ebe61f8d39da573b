from pathlib import Path

import pytest
from django.core.management import call_command

from tests import demo_snapshot
from tests.artifacts import reported_artifact_dirs
from tests.translations import modelkit
from translations.engines import registry, store


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; each test runs inside a transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))
        call_command("setup_roles", stdout=open("/dev/null", "w"))
        demo_snapshot.take()


def pytest_terminal_summary(terminalreporter, config):
    for label, path in reported_artifact_dirs():
        terminalreporter.write_line(f"{label}: {path}")
    for line in getattr(config, "_search_report", []):
        terminalreporter.write_line(line)


# Tiny genuine translation models, built once per session and installed into MT_MODELS_DIR:
# - vi→en: an Argos package whose output is a known permutation (permuted) of its input;
# - en→fr: an Argos package that copies its input (so vi→fr pivots through English);
# - vi, en, lo, km: a multilingual package with another permutation (multi).


@pytest.fixture(scope="session")
def sp_bytes() -> bytes:
    return modelkit.train_sentencepiece()


@pytest.fixture(scope="session")
def permuted(sp_bytes) -> dict[int, int]:
    return modelkit.permutation(modelkit.vocabulary(sp_bytes), seed=7)


@pytest.fixture(scope="session")
def multi(sp_bytes) -> dict[int, int]:
    return modelkit.permutation(modelkit.vocabulary(sp_bytes), seed=11)


@pytest.fixture(scope="session")
def package_files(tmp_path_factory, sp_bytes, permuted, multi) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("packages")
    return {
        "vi-en": modelkit.build_argos_package(folder, "vi", "en", sp_bytes, permuted),
        "en-fr": modelkit.build_argos_package(folder, "en", "fr", sp_bytes, None),
        "multi": modelkit.build_multilingual_package(
            folder, ["vi", "en", "lo", "km"], sp_bytes, multi
        ),
    }


@pytest.fixture(scope="session")
def installed_models(package_files):
    for path in package_files.values():
        store.install(path)
    registry.clear_cache()
    return store.installed()


@pytest.fixture
def expect(sp_bytes):
    """expect(text, mapping): what a copy model with that mapping outputs for text."""

    def expected(text: str, mapping=None) -> str:
        return modelkit.expected_output(sp_bytes, text, mapping)

    return expected


def pytest_sessionfinish(session):
    from tests.cms.search.test_recall import REPORT

    if REPORT:
        from django.db import connection

        lines = [f"Search recall on {connection.vendor} (found/relevant, false positives):"]
        for language, (found, total, fp) in sorted(REPORT.items()):
            lines.append(
                f"  {language:8} {found}/{total} = {found / total:.0%}, {fp} false positives"
            )
        session.config._search_report = lines
