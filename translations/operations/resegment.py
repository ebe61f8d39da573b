"""Sentence-level care of post-edits when a source segment changes.

A wagtail-localize segment is a whole paragraph. When an editor changes one sentence of
it, the paragraph becomes a new ``String`` with no translation, and the translator's
post-edit of the other sentences would be lost. Before such a segment goes to MT:

1. **The earlier translation.** wagtail-localize never deletes a ``String`` or its
   ``StringTranslation`` when the source changes: it only replaces the ``StringSegment``.
   The translation the translator last saved for this place therefore still exists,
   keyed by the same ``TranslationContext`` (object and content path) and target locale,
   under the old string. That row is the robust source of both the old source text (its
   ``translation_of``) and the translator's text (its ``data``): it survives any number
   of source revisions, needs no revision history (``TranslationSource.content_json`` is
   overwritten on every sync), and it is exactly what the editor showed. Strings still
   used in that context are not candidates. Rich-text paragraphs of one block share a
   context, so among the candidates the one sharing most sentences with the new string
   wins, the most recently saved on a tie; with no shared sentence, a candidate whose
   text is at least half similar still counts (so the diff is shown), and so does the
   most recent candidate when the context holds a single segment (a title, a standfirst).
   The old ``MachineSegment`` of that string gives the old MT baseline.

2. **Alignment.** Old and new source are cut into sentences with ICU (markup and all:
   inline tags stay inside their sentence) and matched with ``difflib.SequenceMatcher``
   over the sentence lists. The earlier translation is cut the same way in the target
   language. When it has as many sentences as the old source, sentence *i* of the one is
   taken to translate sentence *i* of the other. When the counts differ (a translator
   merged or split sentences, or a script whose sentences ICU cannot find, such as Lao
   written without full stops) no one-to-one reading is safe, so nothing is kept: the
   whole segment is machine-translated as any new segment, and the earlier translation
   is shown beside it on the review screen instead. The same happens when no sentence is
   shared, when the earlier text is in error, or when the joined result would not carry
   exactly the inline tags of the new source (wagtail-localize and QA require them).

3. **The new text.** Unchanged sentences keep the earlier target sentence verbatim; only
   changed and new sentences are sent to MT, through the same pipeline and glossary as
   every draft. The ``StringTranslation`` is saved as ``machine`` (it holds MT text the
   translator has not seen, and wagtail-localize's editor labels it so), with a tool name
   saying that earlier sentences were kept. Its ``MachineSegment`` baseline is what MT
   alone gives for the new source: the old MT of each unchanged sentence (when the old
   baseline splits one-to-one too; otherwise that sentence is translated as well, for
   the baseline only) and the new MT of the changed ones. So wherever the kept sentences
   hold a translator's edits, the text differs from the baseline, the segment counts as
   human-edited and a later "re-run MT" leaves it alone; and the post-edit distance
   measured on approval is, as for any segment, the distance from pure MT to the final
   text, the carried-over edits included.

Every such segment gets a ``SourceChange`` row (kept or not), from which the review
screen shows a word diff of the source.
"""

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from translations.diff import Token, word_diff
from translations.engines.registry import Registry
from translations.glossary import Glossary
from translations.markup import TAG, tags
from translations.models import MachineSegment, SourceChange
from translations.pipeline import translate_document
from translations.segmentation import split_sentences

from .segments import SegmentState

TOOL_NAME = "Machine translation, earlier sentences kept"
ORIGIN = "resegment"
SIMILAR = 0.5
BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclass
class Carried:
    """One new segment and the earlier translation found for its place."""

    state: SegmentState
    previous: StringTranslation
    aligned: bool = False
    text: str = ""
    baseline: str = ""
    engine: str = ""
    kept: int = 0
    translated: int = 0


@dataclass
class Resegmented:
    translation: Translation
    changes: list[Carried] = field(default_factory=list)

    @property
    def carried(self) -> list[Carried]:
        return [change for change in self.changes if change.aligned]

    def covers(self, state: SegmentState) -> bool:
        """The segment's text is built here; drafting must not machine-translate it."""
        return any(change.state is state for change in self.carried)

    def save(self) -> int:
        """Write the carried texts and the source changes; call inside the draft's
        transaction. Returns how many segments kept earlier sentences."""
        translation = self.translation
        for change in self.changes:
            segment = change.state.segment
            SourceChange.objects.update_or_create(
                translation=translation,
                string=segment.string,
                context=segment.context,
                defaults={
                    "previous_string": change.previous.translation_of,
                    "previous_text": change.previous.data,
                    "aligned": change.aligned,
                    "sentences_kept": change.kept,
                    "sentences_translated": change.translated,
                },
            )
            if not change.aligned:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={
                    "data": change.text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": TOOL_NAME,
                    "last_translated_by": None,
                    "has_error": False,
                    "field_error": "",
                },
            )
            MachineSegment.objects.update_or_create(
                translation=translation,
                string=segment.string,
                context=segment.context,
                defaults={"mt_text": change.baseline, "engine": change.engine, "origin": ORIGIN},
            )
        in_use = StringSegment.objects.filter(source=translation.source).values("string_id")
        SourceChange.objects.filter(translation=translation).exclude(string_id__in=in_use).delete()
        return len(self.carried)


def _keys(sentences: list[str]) -> list[str]:
    return [sentence.strip() for sentence in sentences]


def _matches(old: list[str], new: list[str]) -> dict[int, int]:
    """Index in ``new`` -> index in ``old`` of every unchanged sentence."""
    matcher = SequenceMatcher(None, _keys(old), _keys(new), autojunk=False)
    return {
        block.b + offset: block.a + offset
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }


def _closest(
    value: str, pool: list[StringTranslation], language: str, only_segment: bool
) -> StringTranslation | None:
    """The candidate (most recent first in ``pool``) that best explains ``value``."""
    new = split_sentences(value, language)
    best, best_shared = None, 0
    for candidate in pool:
        shared = len(_matches(split_sentences(candidate.translation_of.data, language), new))
        if shared > best_shared:
            best, best_shared = candidate, shared
    if best is not None:
        return best
    if only_segment:
        return pool[0]
    ratio, candidate = max(
        (
            (SequenceMatcher(None, c.translation_of.data, value, autojunk=False).ratio(), c)
            for c in pool
        ),
        key=lambda item: item[0],
    )
    return candidate if ratio >= SIMILAR else None


def _previous_translations(
    translation: Translation, states: list[SegmentState]
) -> list[tuple[SegmentState, StringTranslation]]:
    fresh = [state for state in states if state.current is None]
    if not fresh:
        return []
    contexts = {state.segment.context_id for state in fresh}
    in_use = set(
        StringSegment.objects.filter(
            source=translation.source, context_id__in=contexts
        ).values_list("string_id", "context_id")
    )
    segments_in = Counter(context_id for _string_id, context_id in in_use)
    pools: dict[int, list[StringTranslation]] = defaultdict(list)
    earlier = (
        StringTranslation.objects.filter(locale=translation.target_locale, context_id__in=contexts)
        .select_related("translation_of")
        .order_by("-updated_at", "-pk")
    )
    for candidate in earlier:
        if (candidate.translation_of_id, candidate.context_id) not in in_use:
            pools[candidate.context_id].append(candidate)
    language = translation.source.locale.language_code
    found = []
    for state in fresh:
        pool = pools.get(state.segment.context_id)
        if not pool:
            continue
        only_segment = segments_in[state.segment.context_id] == 1
        previous = _closest(state.source_text, pool, language, only_segment)
        if previous is not None:
            found.append((state, previous))
    return found


def _edges(sentence: str) -> tuple[str, str]:
    """Leading and trailing whitespace."""
    stripped = sentence.strip()
    if not stripped:
        return sentence, ""
    start = sentence.index(stripped)
    return sentence[:start], sentence[start + len(stripped) :]


def _join(new: list[str], parts: list[tuple[str, int | None]], old_count: int) -> str:
    """Join target sentences in the order of ``new``. A kept sentence (with its old index)
    keeps the translator's own spacing after it where a sentence followed it before, and
    takes the new source's spacing where it now ends the segment or used to; MT output
    already carries the source's spacing."""
    text = []
    last = len(new) - 1
    for index, (sentence, old_index) in enumerate(parts):
        if old_index is None:
            text.append(sentence)
            continue
        lead, source_trail = _edges(new[index])
        own_trail = _edges(sentence)[1]
        keep_own = index < last and old_index < old_count - 1
        text.append(lead + sentence.strip() + (own_trail if keep_own else source_trail))
    return "".join(text)


def _well_formed(text: str, source: str) -> bool:
    if Counter(tags(text)) != Counter(tags(source)):
        return False
    try:
        StringValue.from_translated_html(text)
    except ValueError:
        return False
    return True


@dataclass
class _Plan:
    change: Carried
    new: list[str]
    old_count: int
    matches: dict[int, int]
    target: list[str]
    machine: list[str] | None
    wanted: dict[int, int] = field(default_factory=dict)  # new index -> piece to translate


def _plan(
    translation: Translation, change: Carried, source_language: str, target_language: str
) -> _Plan | None:
    previous = change.previous
    if previous.has_error:
        return None
    old = split_sentences(previous.translation_of.data, source_language)
    new = split_sentences(change.state.source_text, source_language)
    matches = _matches(old, new)
    target = split_sentences(previous.data, target_language)
    if not matches or len(target) != len(old):
        return None
    old_machine = MachineSegment.objects.filter(
        translation=translation,
        string=previous.translation_of,
        context=previous.context,
    ).first()
    machine = None
    if old_machine is not None:
        machine = split_sentences(old_machine.mt_text, target_language)
        change.engine = old_machine.engine
        if len(machine) != len(old):
            machine = None
    return _Plan(change, new, len(old), matches, target, machine)


def _build(plan: _Plan, translated: dict[int, str], engine: str) -> None:
    change = plan.change
    texts, baselines = [], []
    for index in range(len(plan.new)):
        old_index = plan.matches.get(index)
        if old_index is None:
            texts.append((translated[index], None))
            baselines.append((translated[index], None))
            continue
        texts.append((plan.target[old_index], old_index))
        if plan.machine is not None:
            baselines.append((plan.machine[old_index], old_index))
        else:
            baselines.append((translated[index], None))
    change.text = _join(plan.new, texts, plan.old_count)
    change.baseline = _join(plan.new, baselines, plan.old_count)
    change.aligned = _well_formed(change.text, change.state.source_text)
    change.kept = len(plan.matches) if change.aligned else 0
    change.translated = len(plan.new) - change.kept
    if translated:
        change.engine = engine


def resegment(
    translation: Translation,
    states: list[SegmentState],
    registry: Registry | None = None,
    glossary: Glossary | None = None,
) -> Resegmented:
    """Build the text of every new segment in ``states`` whose place had an earlier
    translation, keeping the earlier target sentence of every unchanged source sentence
    (see the module docstring). Writes nothing: call ``save()`` on the result."""
    result = Resegmented(translation)
    source_language = translation.source.locale.language_code
    target_language = translation.target_locale.language_code
    plans = []
    for state, previous in _previous_translations(translation, states):
        change = Carried(state, previous)
        result.changes.append(change)
        plan = _plan(translation, change, source_language, target_language)
        if plan is None:
            change.translated = len(split_sentences(state.source_text, source_language))
        else:
            plans.append(plan)
    pieces: list[str] = []
    for plan in plans:
        for index, sentence in enumerate(plan.new):
            if index not in plan.matches or plan.machine is None:
                plan.wanted[index] = len(pieces)
                pieces.append(sentence)
    document = translate_document(
        pieces, source_language, target_language, registry=registry, glossary=glossary
    )
    for plan in plans:
        translated = {index: document.strings[piece] for index, piece in plan.wanted.items()}
        _build(plan, translated, document.engine)
    return result


@dataclass
class SourceDiff:
    """What the review screen shows beside a segment whose source changed."""

    tokens: list[Token]
    aligned: bool
    kept: int
    translated: int
    previous_text: str


def _display(value: str) -> str:
    """A segment's text as read: line breaks as spaces, other inline tags dropped."""
    return html.unescape(TAG.sub("", BREAK.sub(" ", value)))


def source_diffs(translation: Translation) -> dict[tuple[int, int], SourceDiff]:
    """Word diffs of the changed source segments, by (string id, context id)."""
    language = translation.source.locale.language_code
    changes = SourceChange.objects.filter(translation=translation).select_related(
        "string", "previous_string"
    )
    return {
        (change.string_id, change.context_id): SourceDiff(
            word_diff(
                _display(change.previous_string.data), _display(change.string.data), language
            ),
            change.aligned,
            change.sentences_kept,
            change.sentences_translated,
            change.previous_text,
        )
        for change in changes
    }
