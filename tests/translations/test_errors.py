from translations.engines.base import EngineError
from translations.errors import TranslationsError
from translations.operations.review import QAFailed, ReviewError
from translations.requests import RequestError


def test_translation_errors_share_a_base():
    for error in (EngineError, RequestError, ReviewError, QAFailed):
        assert issubclass(error, TranslationsError)
