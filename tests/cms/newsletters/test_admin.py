"""Editors build, preview and send issues of the languages they may publish in."""

import pytest

from cms.core.roles import EDITORS, reviewers_group_name, translators_group_name
from cms.newsletters.digest import build_issue
from cms.newsletters.models import Issue, IssueStatus
from tests.factories import UserFactory

from .factories import SubscriberFactory, close_period, reviewed_translation, vi_story

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def reviewer_km(client):
    user = UserFactory(groups=[reviewers_group_name("km")])
    client.force_login(user)
    return user


def test_reviewer_builds_previews_and_sends_their_language(client, reviewer_km, smtp):
    close_period("km")
    reader = SubscriberFactory(language="km")
    story = reviewed_translation(vi_story(), "km", title="ព័ត៌មាន <ថ្មី>")
    index = client.get("/admin/newsletters/")
    assert index.status_code == 200
    assert '<option value="km"' in index.content.decode()
    assert '<option value="en"' not in index.content.decode()

    built = client.post("/admin/newsletters/build/", {"language": "km"})
    issue = Issue.objects.get(language="km", status=IssueStatus.DRAFT)
    assert built.status_code == 302 and built["Location"].endswith(f"/{issue.pk}/")
    preview = client.get(f"/admin/newsletters/{issue.pk}/")
    assert "ព័ត៌មាន &lt;ថ្មី&gt;" in preview.content.decode()
    html = client.get(f"/admin/newsletters/{issue.pk}/preview/")
    assert html["Content-Type"].startswith("text/html")
    assert story.url in html.content.decode()

    client.post(f"/admin/newsletters/{issue.pk}/send/")
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert len(smtp.to(reader.email)) == 1


def test_language_tree_is_checked(client, reviewer_km):
    close_period("en")
    reviewed_translation(vi_story(), "en")
    assert client.post("/admin/newsletters/build/", {"language": "en"}).status_code == 302
    assert not Issue.objects.filter(language="en", status=IssueStatus.DRAFT).exists()
    english = build_issue("en")
    assert refused(client.get(f"/admin/newsletters/{english.pk}/"))
    assert refused(client.get(f"/admin/newsletters/{english.pk}/preview/"))
    assert refused(client.post(f"/admin/newsletters/{english.pk}/send/"))
    english.refresh_from_db()
    assert english.status == IssueStatus.DRAFT


def test_translators_have_no_newsletter(client):
    client.force_login(UserFactory(groups=[translators_group_name("km")]))
    assert refused(client.get("/admin/newsletters/"))
    assert refused(client.post("/admin/newsletters/build/", {"language": "km"}))
    assert not Issue.objects.filter(language="km", status=IssueStatus.DRAFT).exists()


def test_editors_manage_the_source_language(client):
    client.force_login(UserFactory(groups=[EDITORS]))
    page = client.get("/admin/newsletters/").content.decode()
    assert '<option value="vi"' in page and '<option value="km"' not in page
