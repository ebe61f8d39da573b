"""Footer link, measurement figures, demo content."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from wagtail import hooks

from cms.submissions.demo import load_demo
from cms.submissions.models import ContributionPage, Contributor, Status

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["vi", "en", "km", "ja"])
def test_footer_links_to_the_form_in_each_language(client, language):
    html = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/contribute/"' in html
    form = client.get(f"/{language}/contribute/")
    assert form.status_code == 200
    assert f'<html lang="{language}">' in form.content.decode()


def test_measurement_figures_per_language():
    (figures,) = [
        hook()
        for hook in hooks.get_hooks("register_measurement_figures")
        if hook.__module__.startswith("cms.submissions")
    ]
    compute = {key: function for key, _label, function in figures}
    start = datetime(2026, 3, 1, tzinfo=UTC)
    inside, outside = start + timedelta(days=3), start - timedelta(days=3)
    SubmissionFactory(language="km", confirmed_at=inside)
    SubmissionFactory(language="km", confirmed_at=inside, status=Status.APPROVED, decided_at=inside)
    SubmissionFactory(
        language="km", confirmed_at=outside, status=Status.REJECTED, decided_at=inside
    )
    SubmissionFactory(language="fr", confirmed_at=inside, status=Status.REJECTED, decided_at=inside)
    SubmissionFactory(language="km", status=Status.UNCONFIRMED, confirmed_at=None)
    end = datetime(2026, 4, 1, tzinfo=UTC)
    assert compute["submissions_received"]("km", start, end) == 2
    assert compute["submissions_received"](None, start, end) == 3
    assert compute["submissions_approved"]("km", start, end) == 1
    assert compute["submissions_rejected"]("km", start, end) == 1
    assert compute["submissions_rejected"](None, start, end) == 2
    assert compute["submissions_rejected"]("km", end, end + timedelta(days=30)) == 0


def test_demo_contributor_is_public_and_loading_twice_adds_nothing(client):
    contributor = Contributor.objects.get(slug="anna-weber")  # loaded by the session fixture
    pages = ContributionPage.objects.filter(contributor=contributor)
    assert pages.count() == 1 and pages.get().live
    counts = (Contributor.objects.count(), ContributionPage.objects.count())
    load_demo(StringIO())
    assert (Contributor.objects.count(), ContributionPage.objects.count()) == counts
    html = client.get("/en/contributors/anna-weber/").content.decode()
    assert "Anna Weber" in html and "Morning boats on the Mekong" in html
    assert "anna.weber@example.org" not in html
    page = client.get(pages.get().url).content.decode()
    assert "Anna Weber" in page and "CC BY 4.0" in page


def test_page_rules():
    from cms.submissions.models import ContributionIndexPage
    from tests.helpers import home, section

    assert ContributionIndexPage.allowed_subpage_models() == [ContributionPage]
    assert ContributionPage.allowed_subpage_models() == []
    assert not ContributionPage.can_create_at(home("vi"))
    assert not ContributionPage.can_create_at(section("culture"))
    assert not ContributionIndexPage.can_create_at(home("en")), "one per language"
    assert ContributionIndexPage.can_create_at(home("ko"))
