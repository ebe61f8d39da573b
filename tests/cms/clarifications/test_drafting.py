"""A clarification draft from a news item: in the item's language tree or the Vietnamese
one, where the user may add pages, with the claim's source prefilled and the item linked."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from cms.clarifications.drafting import DraftError, create_draft
from cms.clarifications.models import ClarificationPage
from cms.core.roles import EDITORS, MODERATORS, reviewers_group_name, translators_group_name
from tests.factories import UserFactory
from tests.helpers import home

from .factories import ClarificationIndexPageFactory, ItemFactory, SourceFactory, index_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    source = SourceFactory(name="Daily", attribution="The Daily Example")
    return ItemFactory(
        source=source,
        title="Hạ Long đóng cửa",
        summary="Vịnh Hạ Long đóng cửa suốt mùa hè.",
        link="https://daily.example.com/ha-long",
    )


def drafts():
    return ClarificationPage.objects.filter(live=False)


def test_editor_opens_a_draft_from_an_item(client, item):
    before = drafts().count()
    client.force_login(UserFactory(groups=[EDITORS]))
    url = f"/admin/clarifications/items/{item.pk}/draft/"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert index_page("vi").title in confirm.content.decode()
    response = client.post(url)
    page = drafts().latest("pk")
    assert drafts().count() == before + 1
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.get_parent().pk == index_page("vi").pk
    assert (page.claim_outlet, page.claim_url) == ("The Daily Example", item.link)
    assert page.claim == item.summary
    assert page.claim_date == timezone.localdate(item.published_at)  # the date in Vietnam
    assert [claim.item_id for claim in page.answered_claims.all()] == [item.pk]
    assert page.get_latest_revision() is not None


def test_english_item_goes_to_the_english_tree_for_a_moderator(item):
    item.language = "en"
    page = create_draft(item, UserFactory(groups=[MODERATORS]))
    assert page.locale.language_code == "en"
    assert page.get_parent().pk == index_page("en").pk


def test_english_item_goes_to_the_vietnamese_tree_for_an_editor(item):
    """Editors may add pages only in the source tree."""
    item.language = "en"
    page = create_draft(item, UserFactory(groups=[EDITORS]))
    assert page.locale.language_code == "vi"


def test_reviewer_drafts_in_their_own_tree(item):
    lao_index = ClarificationIndexPageFactory(parent=home("lo"), slug="clarifications-lo")
    item.language = "lo"
    page = create_draft(item, UserFactory(groups=[reviewers_group_name("lo")]))
    assert page.get_parent().pk == lao_index.pk


def test_reviewer_of_another_language_is_refused(client, item):
    """A Khmer reviewer has no rights on the English or the Vietnamese tree."""
    item.language = "en"
    item.save()
    before = drafts().count()
    reviewer = UserFactory(groups=[reviewers_group_name("km")])
    with pytest.raises(DraftError, match="no clarifications page"):
        create_draft(item, reviewer)
    client.force_login(reviewer)
    response = client.post(f"/admin/clarifications/items/{item.pk}/draft/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/clarifications/desk/"
    assert drafts().count() == before


def test_translators_are_refused(client, item):
    translator = UserFactory(groups=[translators_group_name("lo")])
    with pytest.raises(PermissionDenied):
        create_draft(item, translator)
    before = drafts().count()
    client.force_login(translator)
    response = client.post(f"/admin/clarifications/items/{item.pk}/draft/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert drafts().count() == before


def test_news_item_admin_offers_clarify(client, item):
    client.force_login(UserFactory(groups=[EDITORS]))
    inspect = client.get(f"/admin/aggregator/items/inspect/{item.pk}/").content.decode()
    assert f"/admin/clarifications/items/{item.pk}/draft/" in inspect


def test_draft_opens_in_the_page_editor(client, item):
    editor = UserFactory(groups=[EDITORS])
    page = create_draft(item, editor)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "The Daily Example" in response.content.decode()


def test_news_item_chooser_lists_items(client, item):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get("/admin/clarifications_item_chooser/")
    assert response.status_code == 200
    assert item.title in response.json()["html"]
