"""A story page costs the same number of SQL queries however many translations, related
stories and pictures it has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.stories.models import StoryPage
from tests.cms.core.media import new_image
from tests.factories import StoryPageFactory
from tests.helpers import section

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = ["en", "zh-hans", "lo", "km", "fr", "ru", "es", "ja", "ko"]


def make_story(translations: int, related: int, pictures: int) -> StoryPage:
    parent = section("culture")
    others = [StoryPageFactory(parent=parent) for _ in range(related)]
    body = [
        ("image", {"image": new_image(f"queries-{n}", size=(320, 180)), "alt_text": f"Picture {n}"})
        for n in range(pictures)
    ]
    if others:
        body.append(("related_stories", {"title": "", "stories": others}))
    story = StoryPageFactory(parent=parent, body=body)
    for code in OTHER_LANGUAGES[:translations]:
        copy = story.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
        copy.save_revision().publish()
    return story


def queries(client, story: StoryPage) -> int:
    url = story.get_url()
    assert client.get(url).status_code == 200  # the first view may still make renditions
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_count_does_not_grow_with_translations_related_stories_or_pictures(client):
    small = queries(client, make_story(translations=0, related=0, pictures=1))
    large = queries(client, make_story(translations=9, related=10, pictures=20))
    assert large == small, f"{small} queries in one language, {large} in ten with more"
