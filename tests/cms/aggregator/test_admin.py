import pytest

from cms.aggregator.models import Source
from cms.aggregator.operations import fetch_source

from .conftest import rss

pytestmark = pytest.mark.django_db


def test_source_health_columns(admin_client, server):
    ok = Source.objects.create(
        name="Works", url=server.add("/ok", body=rss([("a", "Tin", "Một.")])), active=True
    )
    bad = Source.objects.create(
        name="Broken",
        url=server.add("/bad", status=503, headers={"Retry-After": "60"}),
        active=True,
    )
    fetch_source(ok.pk)
    fetch_source(bad.pk)
    response = admin_client.get("/admin/aggregator/sources/?active=true")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Works" in content and "Broken" in content
    assert "too many requests" in content
    assert "Items, 7 days" in content and "Next attempt" in content


def test_item_inspect_view(admin_client, server):
    source = Source.objects.create(
        name="S", url=server.add("/ok", body=rss([("a", "Tin một", "Một.")])), active=True
    )
    fetch_source(source.pk)
    item = source.items.get()
    assert admin_client.get(f"/admin/aggregator/items/inspect/{item.pk}/").status_code == 200
