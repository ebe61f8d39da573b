"""The aggregator's errors: each says, in words an editor can act on, what went wrong.

Catch ``AggregatorError`` to handle any of them (``FetchError``, ``ParseError``,
``PromoteError``)."""


class AggregatorError(Exception):
    """Something the aggregator could not do; ``str(error)`` is the reason."""
