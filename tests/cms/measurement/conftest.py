import pytest


@pytest.fixture(autouse=True)
def write_each_view(settings):
    """Each counted view is written at once, so a test reads it back straight away
    (test_counter.py checks the batching itself)."""
    settings.MEASUREMENT_FLUSH_VIEWS = 1
