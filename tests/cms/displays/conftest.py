import pytest
from wagtail.models import Locale

from tests.factories import SectionPageFactory, StoryPageFactory
from tests.helpers import home


def translate(page, language_code: str, live: bool = True, **fields):
    """A translation of ``page`` in ``language_code`` (its parent must be translated)."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if live:
        revision.publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def gate_content():
    """A Vietnamese section with two live stories and one draft, translated into Chinese
    (one story live, one not); another section with one story."""
    section = SectionPageFactory(parent=home("vi"), title="Cửa khẩu", slug="cua-khau-test")
    other = SectionPageFactory(parent=home("vi"), title="Khác", slug="khac-test")
    older = StoryPageFactory(parent=section, title="Chợ biên giới", standfirst="Chợ họp sớm.")
    newer = StoryPageFactory(parent=section, title="Ruộng bậc thang", standfirst="Mùa lúa chín.")
    draft = StoryPageFactory(parent=section, title="Bản nháp", live=False)
    elsewhere = StoryPageFactory(parent=other, title="Chuyện khác")
    zh_section = translate(section, "zh-hans", title="口岸")
    zh_newer = translate(newer, "zh-hans", title="梯田", standfirst="稻谷成熟的季节。")
    zh_unreviewed = translate(older, "zh-hans", live=False, title="边境市场")
    return {
        "section": section,
        "other": other,
        "older": older,
        "newer": newer,
        "draft": draft,
        "elsewhere": elsewhere,
        "zh_section": zh_section,
        "zh_newer": zh_newer,
        "zh_unreviewed": zh_unreviewed,
    }
