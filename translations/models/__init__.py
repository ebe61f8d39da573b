from .glossary import GlossaryTerm
from .memory import MemoryEntry
from .workflow import MachineSegment, TranslationReview, TranslationTask

__all__ = ["GlossaryTerm", "MachineSegment", "MemoryEntry", "TranslationReview", "TranslationTask"]
