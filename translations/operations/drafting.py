"""Drafting a translation with MT, without ever changing what the public sees.

wagtail-localize's ``save_target(publish=False)`` writes the draft into the live row of a
translation that is already live. Here a new translation is created as a draft page, and
an existing one only gets a new revision built from an ephemeral instance, so the live
page stays exactly as the reviewer approved it.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from translations.engines.registry import Registry
from translations.models import GlossaryTerm, MachineSegment, TranslationReview
from translations.models.workflow import ReviewState
from translations.pipeline import translate_document

from .memory import exact_matches
from .resegment import resegment
from .segments import segment_states

logger = logging.getLogger(__name__)

TOOL_NAME = "Machine translation"


@dataclass
class DraftResult:
    translation: Translation
    from_memory: int = 0
    from_mt: int = 0
    kept: int = 0
    carried: int = 0
    engine: str = ""


def _ensure_parent_translated(page: Page, locale, user, registry: Registry) -> None:
    """A translation needs its parent in the target tree; draft missing ancestors first."""
    parent = page.get_parent().specific
    if parent.depth <= 1 or parent.get_translations(inclusive=True).filter(locale=locale).exists():
        return
    draft_translation(parent, locale, user=user, registry=registry)


def _save_draft(translation: Translation, user) -> None:
    source, locale = translation.source, translation.target_locale
    try:
        source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        # A new page: wagtail-localize copies it as a draft (live=False).
        source.create_or_update_translation(locale, user=user, publish=False, fallback=True)
        return
    instance = source.get_ephemeral_translated_instance(locale, fallback=True)
    instance.save_revision(user=user, changed=True)


def draft_translation(
    page: Page,
    locale,
    user=None,
    registry: Registry | None = None,
    rerun: bool = False,
) -> DraftResult:
    """Create or refresh the MT draft of ``page`` in ``locale``.

    Segments a person edited are never touched. Segments with an approved translation
    anywhere on the site reuse it. The rest are machine-translated (``rerun`` also redoes
    segments that still hold unedited MT output).
    """
    registry = registry or Registry()
    page = page.specific
    _ensure_parent_translated(page, locale, user, registry)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    result = DraftResult(translation)

    states = segment_states(translation)
    todo = []
    for state in states:
        if state.human_edited:
            result.kept += 1
        elif state.current is None or (rerun and state.machine is not None):
            todo.append(state)
        else:
            result.kept += 1

    memory = exact_matches([s.segment.string for s in todo], locale)
    needs_mt = [s for s in todo if s.segment.string_id not in memory]
    source_language = source.locale.language_code
    glossary = GlossaryTerm.for_pair(source_language, locale.language_code)
    # A changed paragraph keeps the earlier target sentences of its unchanged sentences.
    resegmented = resegment(translation, needs_mt, registry=registry, glossary=glossary)
    todo = [s for s in todo if not resegmented.covers(s)]
    needs_mt = [s for s in needs_mt if not resegmented.covers(s)]
    document = translate_document(
        [s.source_text for s in needs_mt],
        source_language,
        locale.language_code,
        registry=registry,
        glossary=glossary,
    )
    result.engine = document.engine
    machine_text = dict(zip((id(s) for s in needs_mt), document.strings, strict=True))

    with transaction.atomic():
        result.carried = resegmented.save()
        for state in todo:
            from_memory = state.segment.string_id in memory
            text = memory[state.segment.string_id] if from_memory else machine_text[id(state)]
            StringTranslation.objects.update_or_create(
                translation_of=state.segment.string,
                locale=locale,
                context=state.segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": "Translation memory" if from_memory else TOOL_NAME,
                    "last_translated_by": None,
                    "has_error": False,
                    "field_error": "",
                },
            )
            MachineSegment.objects.update_or_create(
                translation=translation,
                string=state.segment.string,
                context=state.segment.context,
                defaults={
                    "mt_text": text,
                    "engine": "memory" if from_memory else document.engine,
                    "origin": "memory" if from_memory else "mt",
                },
            )
            if from_memory:
                result.from_memory += 1
            else:
                result.from_mt += 1
        review, _ = TranslationReview.objects.get_or_create(
            translation=translation, defaults={"requested_at": timezone.now()}
        )
        review.state = ReviewState.POST_EDIT
        review.drafted_at = timezone.now()
        review.source_synced_at = source.last_updated_at
        review.save()
        _save_draft(translation, user)
    logger.debug(
        "Drafted %s in %s: %d from memory, %d by MT, %d kept, %d with earlier sentences kept",
        page,
        locale,
        result.from_memory,
        result.from_mt,
        result.kept,
        result.carried,
    )
    return result
