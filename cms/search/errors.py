"""Search's errors: the message is shown to the visitor or the importing editor as it is,
so it is written for them (and translated where a visitor reads it).

Catch ``SearchError`` to handle any of them (``QueryError``, ``FileRejected``)."""


class SearchError(Exception):
    """Something search could not do; ``str(error)`` is the reason."""
