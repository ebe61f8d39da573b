import pytest
from wagtail.models import Page

from cms.stories.models import StoryPage

from .apis import FacebookApi, MastodonApi, TelegramApi
from .server import ApiServer

TOKEN = "123456:ABC-secret-token"


@pytest.fixture(autouse=True)
def quick_retries(settings):
    settings.SOCIAL_BACKOFF_BASE = 0.05
    settings.SOCIAL_TIMEOUT = 2.0


@pytest.fixture
def telegram():
    with ApiServer(TelegramApi(TOKEN)) as server:
        yield server


@pytest.fixture
def mastodon():
    with ApiServer(MastodonApi("mastodon-secret-token")) as server:
        yield server


@pytest.fixture
def facebook():
    with ApiServer(FacebookApi("5550001", "facebook-secret-token")) as server:
        yield server


def demo_story(language_code: str) -> StoryPage:
    """A published demo story with a hero image in that language."""
    return (
        StoryPage.objects.live()
        .filter(locale__language_code=language_code, hero_image__isnull=False)
        .order_by("pk")
        .first()
    )


@pytest.fixture
def lao_story(db) -> Page:
    return demo_story("lo")
