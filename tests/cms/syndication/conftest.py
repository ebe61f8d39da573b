import uuid

import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from tests.factories import StoryPageFactory
from tests.helpers import locale, section, story
from translations.models import MachineSegment

HOSTILE = '<script>alert("x")</script> Hostile & <b>bold</b>'


@pytest.fixture
def hostile_story(db):
    """An English story whose title and standfirst try to inject markup."""
    return StoryPageFactory(
        parent=section("culture", "en"),
        title=HOSTILE,
        slug="hostile",
        standfirst=HOSTILE,
    )


@pytest.fixture
def machine_drafted(db):
    """The Lao Ha Long Bay story, recorded as drafted by machine translation."""
    source_page = story("ha-long-bay", "vi")
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation = Translation.objects.create(
        uuid=uuid.uuid4(), source=source, target_locale=locale("lo")
    )
    segment = StringSegment.objects.filter(source=source).first()
    MachineSegment.objects.create(
        translation=translation,
        string=segment.string,
        context=segment.context,
        mt_text="...",
        engine="test",
    )
    return story("ha-long-bay", "lo")
