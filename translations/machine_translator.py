"""The machine translator wagtail-localize's editor uses (its "Translate" button)."""

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from .engines.base import EngineError
from .engines.registry import Registry
from .models import GlossaryTerm
from .pipeline import translate_document


class OfflineMachineTranslator(BaseMachineTranslator):
    display_name = "Offline machine translation"

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        source, target = source_locale.language_code, target_locale.language_code
        document = translate_document(
            [string.data for string in strings],
            source,
            target,
            glossary=GlossaryTerm.for_pair(source, target),
        )
        return {
            string: StringValue(text)
            for string, text in zip(strings, document.strings, strict=True)
        }

    def can_translate(self, source_locale, target_locale):
        try:
            return Registry().can_translate(
                source_locale.language_code, target_locale.language_code
            )
        except EngineError:
            return False
