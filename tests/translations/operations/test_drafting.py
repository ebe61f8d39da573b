import pytest

from tests.helpers import locale, story
from translations.operations.drafting import draft_translation

pytestmark = pytest.mark.django_db


def test_smoke(installed_models, multi, expect):
    page = story("coffee-exports")
    result = draft_translation(page, locale("lo"))
    assert result.from_mt > 0
    lao = page.get_translation(locale("lo"))
    assert not lao.live
    draft = lao.get_latest_revision_as_object()
    assert draft.title == expect(page.title, multi)
