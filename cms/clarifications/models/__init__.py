from .pages import (
    RATING_VALUES,
    AnsweredClaim,
    ClarificationIndexPage,
    ClarificationPage,
    ClarificationSource,
    Rating,
)
from .terms import TermMatch, WatchedTerm

__all__ = [
    "RATING_VALUES",
    "AnsweredClaim",
    "ClarificationIndexPage",
    "ClarificationPage",
    "ClarificationSource",
    "Rating",
    "TermMatch",
    "WatchedTerm",
]
