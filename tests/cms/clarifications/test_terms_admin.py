"""Watched terms in the admin: each user keeps the terms of their desk's languages."""

import pytest
from bs4 import BeautifulSoup

from cms.clarifications.models import WatchedTerm
from cms.core.roles import EDITORS, reviewers_group_name, translators_group_name
from tests.factories import UserFactory

from .factories import WatchedTermFactory

pytestmark = pytest.mark.django_db
TERMS = "/admin/clarifications/terms/"


def test_reviewer_keeps_only_their_languages_terms(client):
    vi_term = WatchedTermFactory(language="vi", term="vịnh Hạ Long")
    lo_term = WatchedTermFactory(language="lo", term="ອ່າວຮ່າລອງ")
    client.force_login(UserFactory(groups=[reviewers_group_name("lo")]))
    listing = client.get(TERMS).content.decode()
    assert lo_term.term in listing and vi_term.term not in listing
    form = BeautifulSoup(client.get(f"{TERMS}new/").content, "html.parser")
    offered = {o["value"] for o in form.select('select[name="language"] option') if o["value"]}
    assert offered == {"lo"}
    refused = client.post(f"{TERMS}new/", {"language": "vi", "term": "tin giả", "active": "on"})
    assert refused.status_code == 200
    assert not WatchedTerm.objects.filter(term="tin giả").exists()
    client.post(f"{TERMS}new/", {"language": "lo", "term": "ຂ່າວປອມ", "active": "on"})
    assert WatchedTerm.objects.filter(language="lo", term="ຂ່າວປອມ").exists()
    for response in (
        client.get(f"{TERMS}edit/{vi_term.pk}/"),
        client.post(f"{TERMS}edit/{vi_term.pk}/", {"language": "lo", "term": "x"}),
        client.post(f"{TERMS}delete/{vi_term.pk}/"),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    vi_term.refresh_from_db()
    assert (vi_term.language, vi_term.term) == ("vi", "vịnh Hạ Long")
    assert WatchedTerm.objects.filter(pk=vi_term.pk).exists()


def test_editor_adds_a_term_in_any_language(client):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.post(f"{TERMS}new/", {"language": "km", "term": "  ព័ត៌មាន  ក្លែងក្លាយ "})
    assert response.status_code == 302
    assert WatchedTerm.objects.filter(language="km", term="ព័ត៌មាន ក្លែងក្លាយ").exists()


def test_a_term_without_letters_is_refused_with_a_message(client):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.post(f"{TERMS}new/", {"language": "vi", "term": "!!! ---"})
    assert response.status_code == 200
    assert "no letters or digits" in response.content.decode()
    assert not WatchedTerm.objects.exists()


def test_translators_cannot_see_terms(client):
    WatchedTermFactory(language="lo", term="ອ່າວຮ່າລອງ")
    client.force_login(UserFactory(groups=[translators_group_name("lo")]))
    response = client.get(TERMS)
    assert response.status_code == 302
