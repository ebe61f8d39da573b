"""The Redis cache backend against the real Redis: values round-trip, one client per pool."""

import pytest
import redis

from cms.core.redis_cache import RedisCache

URL = "redis://127.0.0.1:6379/14"


@pytest.fixture
def cache():
    try:
        redis.Redis.from_url(URL).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    backend = RedisCache(URL, {"KEY_PREFIX": "test-redis-client"})
    yield backend
    backend.delete_many(["page", "other", "counter"])


def test_values_round_trip_through_the_shared_client(cache):
    cache.set("page", (200, [("Content-Type", "text/html")], b"<p>Hue</p>"), 30)
    cache.set("other", "Hội An", 30)
    assert cache.get_many(["page", "other", "missing"]) == {
        "page": (200, [("Content-Type", "text/html")], b"<p>Hue</p>"),
        "other": "Hội An",
    }
    assert cache.add("other", "replaced", 30) is False
    assert cache.add("counter", 1, 30) is True
    assert cache.incr("counter") == 2 and cache.get("counter") == 2


def test_every_operation_uses_one_client_per_connection_pool(cache):
    client = cache._cache.get_client()
    cache.get("page")
    cache.set("page", 1, 30)
    assert cache._cache.get_client(write=True) is client
    assert cache._cache.get_client() is client
