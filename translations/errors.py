"""The translation service's errors, each with a message for the translator, reviewer or
administrator who caused or must fix it.

Catch ``TranslationsError`` to handle any of them (``EngineError``, ``RequestError``,
``ReviewError`` and its ``QAFailed``)."""


class TranslationsError(Exception):
    """Something the translation service could not do; ``str(error)`` is the reason."""
