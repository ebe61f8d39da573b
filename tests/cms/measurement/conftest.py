import pytest


@pytest.fixture(autouse=True)
def write_each_view(settings):
    """Each counted view is written at once, so a test reads it back straight away
    (test_counter.py checks the batching itself)."""
    settings.MEASUREMENT_FLUSH_VIEWS = 1


@pytest.fixture(autouse=True)
def without_demo_reviews(request):
    """The demo's editions were approved through review; the post-edit figures here are
    compared with the reviews these tests make."""
    if request.node.get_closest_marker("django_db"):
        from translations.models import TranslationReview

        TranslationReview.objects.all().delete()
