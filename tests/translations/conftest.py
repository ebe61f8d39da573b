import pytest

from translations.models import TranslationReview


@pytest.fixture(autouse=True)
def without_demo_reviews(request):
    """The demo's editions were approved through review; these tests count and fetch the
    reviews they make themselves, so they start without the demo's."""
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        TranslationReview.objects.all().delete()
