import pytest
from django.core.exceptions import PermissionDenied

from cms.aggregator.models import Item, Source
from cms.aggregator.operations import fetch_source
from cms.core.roles import EDITORS, MODERATORS, translators_group_name
from cms.stories.promote import PromoteError, promote_item
from cms.taxonomy.models import Province
from tests.cms.aggregator.conftest import rss, server  # noqa: F401
from tests.factories import UserFactory
from tests.helpers import section

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(server):  # noqa: F811
    source = Source.objects.create(
        name="Cổng TTĐT Quảng Ninh",
        attribution="Cổng thông tin điện tử tỉnh Quảng Ninh",
        url=server.add("/rss", body=rss([("a", "Hạ Long đón khách", "Lượng khách tăng.")])),
        province=Province.objects.get(code="quang-ninh"),
        active=True,
    )
    fetch_source(source.pk)
    return Item.objects.get(source=source)


def test_editor_promotes_an_item_to_a_story_draft(item, client):
    editor = UserFactory(groups=[EDITORS])
    story = promote_item(item, section("tourism"), editor)
    assert not story.live
    assert story.title == "Hạ Long đón khách"
    assert story.source_name == "Cổng thông tin điện tử tỉnh Quảng Ninh"
    assert story.source_url == item.link
    assert story.province.code == "quang-ninh"
    item.refresh_from_db()
    assert item.promoted_page_id == story.pk
    with pytest.raises(PromoteError, match="already"):
        promote_item(item, section("tourism"), editor)


def test_promotion_through_the_admin(item, client):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.post(
        f"/admin/aggregator/items/{item.pk}/promote/", {"section": section("tourism").pk}
    )
    assert response.status_code == 302
    assert "/admin/pages/" in response["Location"]


def test_section_must_be_in_the_items_language(item):
    with pytest.raises(PromoteError, match="item is in vi"):
        promote_item(item, section("tourism", "en"), UserFactory(groups=[MODERATORS]))


def test_translators_cannot_promote(item):
    with pytest.raises(PermissionDenied):
        promote_item(item, section("tourism"), UserFactory(groups=[translators_group_name("lo")]))


def test_items_listing_and_inspect_view_link_to_make_a_story(item, client):
    client.force_login(UserFactory(groups=[EDITORS]))
    promote_url = f"/admin/aggregator/items/{item.pk}/promote/"
    listing = client.get("/admin/aggregator/items/", {"source": item.source_id})
    assert promote_url in listing.content.decode()
    assert promote_url in client.get(f"/admin/aggregator/items/inspect/{item.pk}/").content.decode()
    form = client.get(promote_url)
    assert form.status_code == 200
    assert f'value="{section("tourism").pk}"' in form.content.decode()
    assert f'value="{section("tourism", "en").pk}"' not in form.content.decode()


def test_promoted_item_offers_no_second_story(item, client):
    editor = UserFactory(groups=[EDITORS])
    promote_item(item, section("tourism"), editor)
    client.force_login(editor)
    listing = client.get("/admin/aggregator/items/", {"source": item.source_id}).content.decode()
    assert item.title in listing
    assert f"/admin/aggregator/items/{item.pk}/promote/" not in listing


@pytest.mark.parametrize("value", ["abc", "999999999", ""])
def test_unusable_section_is_refused_with_a_message(item, client, value):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.post(f"/admin/aggregator/items/{item.pk}/promote/", {"section": value})
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.promoted_page_id is None


def test_section_in_another_language_is_refused(item, client):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.post(
        f"/admin/aggregator/items/{item.pk}/promote/", {"section": section("tourism", "en").pk}
    )
    assert response.status_code == 400
    assert "Choose one of the sections listed." in response.content.decode()
    item.refresh_from_db()
    assert item.promoted_page_id is None


def test_translators_cannot_reach_the_promote_view(item, client):
    """Wagtail turns the refusal into a redirect to the dashboard with a message."""
    client.force_login(UserFactory(groups=[translators_group_name("lo")]))
    url = f"/admin/aggregator/items/{item.pk}/promote/"
    for response in (client.get(url), client.post(url, {"section": section("tourism").pk})):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    item.refresh_from_db()
    assert item.promoted_page_id is None
