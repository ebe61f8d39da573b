"""The segments of a translation and their current text."""

from dataclasses import dataclass

from wagtail_localize.models import StringSegment, StringTranslation

from translations.models import MachineSegment


@dataclass
class SegmentState:
    segment: StringSegment
    current: StringTranslation | None
    machine: MachineSegment | None

    @property
    def source_text(self) -> str:
        return self.segment.string.data

    @property
    def text(self) -> str:
        return self.current.data if self.current else ""

    @property
    def human_edited(self) -> bool:
        """Changed by a person: a manual translation, or different from what MT wrote."""
        if self.current is None:
            return False
        if self.current.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
            return self.machine is None or self.current.data != self.machine.mt_text
        return self.machine is not None and self.current.data != self.machine.mt_text


def segment_states(translation) -> list[SegmentState]:
    source, locale = translation.source, translation.target_locale
    segments = list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    current = {
        (st.translation_of_id, st.context_id): st
        for st in StringTranslation.objects.filter(
            locale=locale, context__in=[s.context_id for s in segments]
        )
    }
    machine = {
        (m.string_id, m.context_id): m
        for m in MachineSegment.objects.filter(translation=translation)
    }
    return [
        SegmentState(
            segment,
            current.get((segment.string_id, segment.context_id)),
            machine.get((segment.string_id, segment.context_id)),
        )
        for segment in segments
    ]
