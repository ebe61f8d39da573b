"""The aggregator's errors: each says, in words an editor can act on, what went wrong.

Catch ``AggregatorError`` to handle any of them (``FetchError``, ``ParseError``, and
``cms.stories.promote.PromoteError``)."""


class AggregatorError(Exception):
    """Something the aggregator could not do; ``str(error)`` is the reason."""
