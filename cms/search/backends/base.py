"""The search interface the public view calls; backends implement it."""

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from ..errors import SearchError
from ..segmentation import Prepared

MAX_QUERY_LENGTH = 500
MAX_TERMS = 12


class QueryError(SearchError, ValueError):
    """The query cannot be run as typed; the message says why, for the visitor."""


@dataclass
class SearchQuery:
    text: str
    language: str | None = None  # None: every language
    kinds: tuple[str, ...] = ()
    section: str = ""
    province: str = ""
    date_from: date | None = None
    date_to: date | None = None
    offset: int = 0
    limit: int = 10
    terms: list[Prepared] = field(default_factory=list)
    whole: Prepared | None = None


@dataclass
class Hit:
    kind: str
    object_id: int
    language: str
    title: str
    body: str
    url: str
    date: object
    score: float


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    counts: dict[str, int]
    query: SearchQuery
    mode: str = "word"


class SearchBackend(Protocol):
    """What every search backend provides; the public view calls only this."""

    def index(self, documents: list[dict]) -> None: ...

    def delete(self, keys: list[tuple[str, int]]) -> None: ...

    def search(self, query: SearchQuery) -> SearchResults: ...

    def suggest(self, prefix: str, language: str | None, limit: int = 8) -> list[str]: ...

    def clear(self) -> None: ...
