"""A translator's post-edit survives a one-sentence change of the source paragraph."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation

from cms.core.roles import reviewers_group_name
from cms.stories.models import StoryPage
from tests.factories import StoryPageFactory, UserFactory
from tests.helpers import locale, section
from translations.markup import tags
from translations.models import GlossaryTerm, MachineSegment, SourceChange, TranslationReview
from translations.models.workflow import TaskKind
from translations.operations.drafting import draft_translation
from translations.operations.resegment import TOOL_NAME
from translations.operations.segments import segment_states
from translations.requests import request_translations

pytestmark = pytest.mark.django_db

VIETNAMESE = [
    "Cà phê Việt Nam được trồng ở <b>Tây Nguyên</b>.",
    "Nông dân thu hoạch vào mùa khô.",
    "Hạt cà phê được xuất khẩu sang nhiều nước.",
]
CHANGED = "Nông dân thu hoạch vào mùa mưa."
LAO = [
    "ກາເຟຫວຽດນາມປູກຢູ່<b>ທີ່ສູງພາກກາງ</b>.",
    "ຊາວກະສິກອນເກັບກ່ຽວໃນລະດູແລ້ງ.",
    "ເມັດກາເຟຖືກສົ່ງອອກໄປຫຼາຍປະເທດ.",
]


def paragraph(sentences):
    return RichText("<p>" + " ".join(sentences) + "</p>")


def body_state(page, index=0):
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale("lo")
    )
    states = [s for s in segment_states(translation) if s.segment.context.path.startswith("body")]
    return translation, states[index]


def post_edit(state, text, user):
    """Save a segment the way wagtail-localize's editor does."""
    StringTranslation.objects.update_or_create(
        translation_of=state.segment.string,
        locale=locale("lo"),
        context=state.segment.context,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": user,
            "has_error": False,
            "field_error": "",
        },
    )


def publish_body(page, paragraphs):
    """Edit the source paragraphs in place (block ids kept) and publish."""
    page = StoryPage.objects.get(pk=page.pk)
    for index, sentences in enumerate(paragraphs):
        page.body[index] = ("paragraph", paragraph(sentences), page.body[index].id)
    page.save_revision().publish()
    return page


def sync(page):
    request_translations(page, [locale("lo")], kind=TaskKind.SYNC)


@pytest.fixture
def post_edited(installed_models):
    """A three-sentence Vietnamese paragraph, MT-drafted into Lao and post-edited."""
    page = StoryPageFactory(
        parent=section("economy"),
        title="Cà phê Tây Nguyên",
        standfirst="Một mùa vụ mới.",
        body=[("paragraph", paragraph(VIETNAMESE))],
    )
    draft_translation(page, locale("lo"))
    _translation, state = body_state(page)
    assert state.machine is not None and state.text == state.machine.mt_text
    translator = UserFactory(username="lao-translator")
    post_edit(state, " ".join(LAO), translator)
    return page


def test_unchanged_sentences_keep_the_post_edit_and_the_changed_one_is_mt(
    client, post_edited, multi, expect
):
    page = publish_body(post_edited, [[VIETNAMESE[0], CHANGED, VIETNAMESE[2]]])
    sync(page)

    translation, state = body_state(page)
    assert state.source_text == " ".join([VIETNAMESE[0], CHANGED, VIETNAMESE[2]])
    assert state.text == f"{LAO[0]} {expect(CHANGED, multi)} {LAO[2]}"
    assert tags(state.text) == ["<b>", "</b>"]
    assert state.current.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert state.current.tool_name == TOOL_NAME

    # The baseline is what MT alone gives for the new paragraph: post-edit distance and
    # "edited by a person" keep their meaning.
    machine = MachineSegment.objects.get(
        translation=translation, string=state.segment.string, context=state.segment.context
    )
    assert machine.origin == "resegment"
    assert "<b>" in machine.mt_text
    assert expect(CHANGED, multi) in machine.mt_text
    assert LAO[2] not in machine.mt_text
    assert state.human_edited
    draft = page.get_translation(locale("lo")).get_latest_revision_as_object()
    assert f"{LAO[0]} {expect(CHANGED, multi)} {LAO[2]}" in draft.body[0].value.source

    change = SourceChange.objects.get(translation=translation, string=state.segment.string)
    assert change.aligned
    assert (change.sentences_kept, change.sentences_translated) == (2, 1)
    assert change.previous_text == " ".join(LAO)

    # A later "re-run MT" leaves the kept post-edit alone.
    draft_translation(page, locale("lo"), rerun=True)
    assert body_state(page)[1].text == state.text

    # The review screen shows what changed in the source, word by word.
    client.force_login(UserFactory(groups=[reviewers_group_name("lo")]))
    review = TranslationReview.objects.get(translation=translation)
    content = client.get(reverse("translations:review", args=[review.pk])).content.decode()
    assert "mùa <del>khô</del><ins>mưa</ins>." in content
    assert "2 sentences kept from the earlier translation" in content


def test_an_added_sentence_is_translated_with_the_glossary(post_edited):
    GlossaryTerm.objects.create(
        source_language="vi",
        target_language="lo",
        source_term="Tây Nguyên",
        target_term="ທີ່ສູງພາກກາງ",
    )
    added = "Tây Nguyên có đất đỏ bazan."
    page = publish_body(post_edited, [[*VIETNAMESE, added]])
    sync(page)

    _translation, state = body_state(page)
    assert state.text.startswith(" ".join(LAO) + " ")
    new_sentence = state.text.removeprefix(" ".join(LAO) + " ")
    assert new_sentence.startswith("ທີ່ສູງພາກກາງ")
    assert "Tây Nguyên" not in new_sentence


def test_a_deleted_sentence_needs_no_mt(post_edited):
    page = publish_body(post_edited, [[VIETNAMESE[0], VIETNAMESE[2]]])
    sync(page)
    _translation, state = body_state(page)
    assert state.text == f"{LAO[0]} {LAO[2]}"


def test_merged_sentences_fall_back_to_mt_and_show_the_earlier_text(
    client, installed_models, multi, expect
):
    page = StoryPageFactory(
        parent=section("economy"), body=[("paragraph", paragraph(VIETNAMESE[1:]))]
    )
    draft_translation(page, locale("lo"))
    translation, state = body_state(page)
    merged = "ຊາວກະສິກອນເກັບກ່ຽວເມັດກາເຟໃນລະດູແລ້ງແລ້ວສົ່ງອອກ."
    post_edit(state, merged, UserFactory())

    page = publish_body(page, [[CHANGED, VIETNAMESE[2]]])
    sync(page)

    _translation, state = body_state(page)
    assert state.text == f"{expect(CHANGED, multi)} {expect(VIETNAMESE[2], multi)}"
    change = SourceChange.objects.get(translation=translation, string=state.segment.string)
    assert not change.aligned
    assert (change.sentences_kept, change.sentences_translated) == (0, 2)
    assert change.previous_text == merged
    client.force_login(UserFactory(groups=[reviewers_group_name("lo")]))
    review = TranslationReview.objects.get(translation=translation)
    content = client.get(reverse("translations:review", args=[review.pk])).content.decode()
    assert "could not be matched sentence by sentence" in content
    assert merged in content


def test_each_paragraph_of_a_block_finds_its_own_earlier_text(installed_models):
    second = ["Mùa mưa bắt đầu vào tháng năm.", "Đường lên núi khó đi."]
    second_lao = ["ລະດູຝົນເລີ່ມໃນເດືອນພຶດສະພາ.", "ທາງຂຶ້ນພູຍ່າງຍາກ."]
    page = StoryPageFactory(
        parent=section("economy"),
        body=[("paragraph", RichText(f"<p>{' '.join(VIETNAMESE)}</p><p>{' '.join(second)}</p>"))],
    )
    draft_translation(page, locale("lo"))
    user = UserFactory()
    post_edit(body_state(page, 0)[1], " ".join(LAO), user)
    post_edit(body_state(page, 1)[1], " ".join(second_lao), user)

    page = StoryPage.objects.get(pk=page.pk)
    changed = f"<p>{' '.join(VIETNAMESE)}</p><p>{second[0]} Đường lên núi đã dễ đi.</p>"
    page.body[0] = ("paragraph", RichText(changed), page.body[0].id)
    page.save_revision().publish()
    sync(page)

    assert body_state(page, 0)[1].text == " ".join(LAO)
    assert body_state(page, 1)[1].text.startswith(second_lao[0] + " ")


def test_hostile_source_text_is_escaped_in_the_diff(client, installed_models):
    page = StoryPageFactory(parent=section("economy"), standfirst="Tin tức hôm nay.")
    draft_translation(page, locale("lo"))
    page = StoryPage.objects.get(pk=page.pk)
    page.standfirst = 'Tin tức <script>alert("x")</script> hôm nay.'
    page.save_revision().publish()
    sync(page)

    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale("lo")
    )
    assert SourceChange.objects.filter(translation=translation, context__path="standfirst")
    client.force_login(UserFactory(groups=[reviewers_group_name("lo")]))
    review = TranslationReview.objects.get(translation=translation)
    content = client.get(reverse("translations:review", args=[review.pk])).content.decode()
    assert "<ins> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins>" in content
    assert '<script>alert("x")' not in content
