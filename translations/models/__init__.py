from .glossary import GlossaryTerm
from .memory import MemoryEntry
from .source_change import SourceChange
from .workflow import MachineSegment, TranslationReview, TranslationTask

__all__ = [
    "GlossaryTerm",
    "MachineSegment",
    "MemoryEntry",
    "SourceChange",
    "TranslationReview",
    "TranslationTask",
]
