import pytest
from django.core.exceptions import PermissionDenied

from cms.aggregator.models import Item, Source
from cms.aggregator.operations import fetch_source
from cms.aggregator.promote import PromoteError, promote_item
from cms.core.roles import EDITORS, MODERATORS, translators_group_name
from cms.taxonomy.models import Province
from tests.factories import UserFactory
from tests.helpers import section

from .conftest import rss

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(server):
    source = Source.objects.create(
        name="Cổng TTĐT Quảng Ninh",
        attribution="Cổng thông tin điện tử tỉnh Quảng Ninh",
        url=server.add("/rss", body=rss([("a", "Hạ Long đón khách", "Lượng khách tăng.")])),
        province=Province.objects.get(code="quang-ninh"),
        active=True,
    )
    fetch_source(source.pk)
    return Item.objects.get()


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
