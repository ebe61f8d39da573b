import pytest

from cms.clarifications.models import WatchedTerm


@pytest.fixture(autouse=True)
def without_demo_terms(db):
    """Each test watches only the terms it creates (load_demo adds five)."""
    WatchedTerm.objects.all().delete()
