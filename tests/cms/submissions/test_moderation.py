"""Rejecting, promoting, who may moderate, and what the public pages show."""

import pytest
from django.core import mail
from django.urls import reverse

from cms.submissions.models import ContributionPage, Contributor, Status
from cms.submissions.moderation import approve
from cms.submissions.permissions import GROUP
from tests.factories import UserFactory

from .factories import ContributorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    user = UserFactory(groups=[GROUP])
    client.force_login(user)
    return user


def moderate(client, submission, **data):
    url = reverse("submissions_admin:moderate", args=[submission.pk])
    return client.post(url, {"title": "", "text": "", "image_alt": "", "reason": "", **data})


def test_rejection_mail_carries_the_reason(client, moderator):
    submission = SubmissionFactory(language="fr", email="jean@example.org")
    response = moderate(client, submission, action="reject")
    assert "Give the author a reason" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.PENDING and mail.outbox == []

    moderate(client, submission, action="reject", reason="Cette photo n'est pas la vôtre.")
    submission.refresh_from_db()
    assert submission.status == Status.REJECTED
    assert submission.decided_by == moderator
    assert [message.to for message in mail.outbox] == [["jean@example.org"]]
    assert "Cette photo n'est pas la vôtre." in mail.outbox[0].body
    assert not ContributionPage.objects.filter(title=submission.title).exists()


def test_only_moderators_moderate(client):
    submission = SubmissionFactory()
    url = reverse("submissions_admin:moderate", args=[submission.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(groups=["Editors"]))
    assert client.get(reverse("submissions_admin:queue")).status_code in (302, 403)
    response = client.post(url, {"action": "approve", "title": "x", "text": "y"})
    assert response.status_code in (302, 403)
    submission.refresh_from_db()
    assert submission.status == Status.PENDING
    assert client.get(reverse("submissions_admin:photo", args=[submission.pk])).status_code in (
        302,
        403,
    )


def test_unconfirmed_cannot_be_approved(client, moderator):
    submission = SubmissionFactory(status=Status.UNCONFIRMED, confirmed_at=None)
    moderate(client, submission, action="approve", title="T", text="Body")
    submission.refresh_from_db()
    assert submission.status == Status.UNCONFIRMED
    assert not ContributionPage.objects.filter(title="T").exists()


def test_no_name_without_consent(client, moderator):
    submission = SubmissionFactory(
        name="Private Person", country="Norway", email="private@example.org", consent_name=False
    )
    moderate(client, submission, action="approve", title="Fjords and deltas", text="Water.")
    page = ContributionPage.objects.get(title="Fjords and deltas")
    assert page.author_name == "" and page.author_country == ""
    client.logout()
    html = client.get(page.url).content.decode()
    assert "Water." in html
    for secret in ("Private Person", "Norway", "private@example.org"):
        assert secret not in html
    index = client.get(page.get_parent().url).content.decode()
    assert "Fjords and deltas" in index and "Private Person" not in index


def test_hostile_html_is_escaped(client, moderator):
    submission = SubmissionFactory(
        name='<img src=x onerror="alert(1)">',
        title="<script>alert('t')</script>",
        text='<b onclick="x()">bold?</b>\n\n<script>alert(2)</script>',
    )
    admin_page = client.get(reverse("submissions_admin:moderate", args=[submission.pk]))
    assert "<script>alert('t')</script>" not in admin_page.content.decode()
    moderate(client, submission, action="approve", title=submission.title, text=submission.text)
    submission.refresh_from_db()
    page = ContributionPage.objects.get(pk=submission.page_id)
    client.logout()
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert "<b onclick" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&lt;img src=x" in html


def test_promote_links_submissions_and_profile_needs_consent(client, moderator):
    submission = SubmissionFactory(name="Linh Nguyen", email="linh@example.org")
    page = approve(submission, moderator, "Tết in Toronto", "Bánh chưng at home.")
    response = moderate(client, submission, action="promote")
    assert response.status_code == 302
    contributor = Contributor.objects.get(email="linh@example.org")
    page.refresh_from_db()
    assert page.contributor == contributor
    profile = f"/en/contributors/{contributor.slug}/"
    client.logout()
    assert client.get(profile).status_code == 404, "private until the author agrees"
    assert 'href="/en/contributors/' not in client.get(page.url).content.decode()
    contributor.public_profile = True
    contributor.save()
    html = client.get(profile).content.decode()
    assert "Linh Nguyen" in html and "Tết in Toronto" in html
    assert "linh@example.org" not in html
    assert profile in client.get(page.url).content.decode()


def test_confirmed_mail_links_a_known_contributor(client):
    contributor = ContributorFactory(email="known@example.org")
    from cms.submissions.tokens import confirm_token

    submission = SubmissionFactory(
        email="known@example.org", status=Status.UNCONFIRMED, confirmed_at=None
    )
    client.post(reverse("submissions:confirm", args=[confirm_token(submission)]))
    submission.refresh_from_db()
    assert submission.contributor == contributor


def test_bad_confirmation_links(client):
    assert client.get("/en/contribute/confirm/nonsense/").status_code == 400
    submission = SubmissionFactory(status=Status.UNCONFIRMED, confirmed_at=None)
    from cms.submissions.tokens import confirm_token

    token = confirm_token(submission)
    submission.confirm_key = "changed"
    submission.save()
    assert client.post(f"/en/contribute/confirm/{token}/").status_code == 400
    submission.refresh_from_db()
    assert submission.status == Status.UNCONFIRMED


def test_rejection_reaches_a_real_smtp_server_in_the_authors_language(client, moderator, settings):
    from tests.cms.newsletters.smtp import SMTPServer

    submission = SubmissionFactory(language="fr", email="paul@example.org", title="Ha Long")
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        moderate(client, submission, action="reject", reason="Déjà publié ailleurs.")
    (received,) = server.to("paul@example.org")
    body = received.part("text/plain")
    assert "Déjà publié ailleurs." in body and "Ha Long" in body
    submission.refresh_from_db()
    assert submission.status == Status.REJECTED


def test_contributor_added_in_the_admin_gets_their_submissions(client, moderator):
    submission = SubmissionFactory(email="mai@example.org")
    page = approve(submission, moderator, "Hội An lanterns", "Lanterns everywhere.")
    response = client.post(
        reverse("submissions_contributor:add"),
        {
            "name": "Mai Tran",
            "slug": "mai-tran",
            "country": "Australia",
            "email": "MAI@example.org",
            "bio": "",
            "portrait_alt": "",
        },
    )
    assert response.status_code == 302
    contributor = Contributor.objects.get(slug="mai-tran")
    assert contributor.email == "mai@example.org" and not contributor.public_profile
    submission.refresh_from_db()
    page.refresh_from_db()
    assert submission.contributor == contributor and page.contributor == contributor
