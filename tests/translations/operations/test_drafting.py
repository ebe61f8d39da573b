import pytest
from wagtail_localize.models import StringTranslation, Translation

from tests.factories import StoryPageFactory
from tests.helpers import locale, section, story
from translations.models import GlossaryTerm, MachineSegment, MemoryEntry, TranslationReview
from translations.models.workflow import ReviewState
from translations.operations.drafting import draft_translation
from translations.operations.segments import segment_states

pytestmark = pytest.mark.django_db


def translation_of(page, code):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale(code)
    )


def edit(translation, path, text):
    state = next(s for s in segment_states(translation) if s.segment.context.path == path)
    state.current.data = text
    state.current.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    state.current.save()


def test_new_translation_is_a_draft_with_mt_recorded(installed_models, multi, expect):
    page = story("coffee-exports")
    result = draft_translation(page, locale("km"))
    translation = translation_of(page, "km")
    khmer = page.get_translation(locale("km"))
    assert not khmer.live
    recorded = MachineSegment.objects.filter(translation=translation).count()
    # The demo's editions taught the memory a few segments (e.g. the source's name).
    assert result.from_mt + result.from_memory == recorded and result.from_mt > 3
    assert TranslationReview.objects.get(translation=translation).state == ReviewState.POST_EDIT
    assert khmer.get_latest_revision_as_object().standfirst == expect(page.standfirst, multi)
    assert khmer.slug == page.slug


def test_existing_live_translation_is_not_changed(installed_models):
    """The wagtail-localize trap: a draft must not be written into the live row."""
    page = story("ha-long-bay")
    lao = story("ha-long-bay", "lo")
    live_title, live_body = lao.title, list(lao.body.raw_data)
    draft_translation(page, locale("lo"))
    lao.refresh_from_db()
    assert lao.live
    assert lao.title == live_title
    assert list(lao.body.raw_data) == live_body
    assert lao.has_unpublished_changes
    assert lao.get_latest_revision_as_object().title != live_title


def test_rerun_never_overwrites_a_human_edit(installed_models, multi, expect):
    page = story("coffee-exports")
    draft_translation(page, locale("lo"))
    translation = translation_of(page, "lo")
    edit(translation, "title", "ກາເຟ")
    result = draft_translation(page, locale("lo"), rerun=True)
    assert result.kept >= 1
    states = {s.segment.context.path: s for s in segment_states(translation)}
    assert states["title"].text == "ກາເຟ"
    assert states["standfirst"].text == expect(page.standfirst, multi)


def test_approved_segments_are_reused_before_mt(installed_models, admin_user):
    page = story("coffee-exports")
    draft_translation(page, locale("lo"))
    translation = translation_of(page, "lo")
    title = next(s for s in segment_states(translation) if s.segment.context.path == "title")
    MemoryEntry.objects.create(
        string=title.segment.string,
        locale=locale("lo"),
        source_text=title.source_text,
        source_length=len(title.source_text),
        text="ກາເຟຈາກຫວຽດນາມ",
        approved_at="2026-01-01T00:00:00Z",
    )
    other = StoryPageFactory(parent=section("economy"), title=page.title, standfirst="Khác.")
    result = draft_translation(other, locale("lo"))
    assert result.from_memory == 1
    draft = other.get_translation(locale("lo")).get_latest_revision_as_object()
    assert draft.title == "ກາເຟຈາກຫວຽດນາມ"


def test_glossary_applies_the_approved_form(installed_models):
    GlossaryTerm.objects.create(
        source_language="vi", target_language="lo", source_term="Việt Nam", target_term="ຫວຽດນາມ"
    )
    page = StoryPageFactory(
        parent=section("economy"), title="Cà phê Việt Nam", standfirst="Việt Nam."
    )
    draft_translation(page, locale("lo"))
    draft = page.get_translation(locale("lo")).get_latest_revision_as_object()
    assert draft.title.endswith("ຫວຽດນາມ")
    assert draft.standfirst == "ຫວຽດນາມ."


def test_missing_parent_is_drafted_first(installed_models):
    page = story("coffee-exports")
    section_km = section("economy", "km")
    section_km.delete()
    draft_translation(page, locale("km"))
    new_section = section("economy").get_translation(locale("km"))
    assert not new_section.live
    assert TranslationReview.objects.filter(
        translation__source__object_id=new_section.translation_key
    ).exists()
