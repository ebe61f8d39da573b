import pytest
from django.core.management import call_command

from tests.artifacts import reported_artifact_dirs


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; each test runs inside a transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))
        call_command("setup_roles", stdout=open("/dev/null", "w"))


def pytest_terminal_summary(terminalreporter):
    for label, path in reported_artifact_dirs():
        terminalreporter.write_line(f"{label}: {path}")
