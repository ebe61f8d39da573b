"""The one entry point for searching and indexing; the backend is chosen by setting."""

from functools import cache

from django.utils.module_loading import import_string

from . import conf
from .backends.base import SearchBackend, SearchQuery, SearchResults
from .query import parse

BACKENDS = {
    "database": "cms.search.backends.database.DatabaseBackend",
    "elasticsearch": "cms.search.backends.elastic.ElasticsearchBackend",
}


@cache
def _backend(name: str) -> SearchBackend:
    return import_string(BACKENDS.get(name, name))()


def backend() -> SearchBackend:
    return _backend(conf.get("SEARCH_BACKEND"))


def search(query: SearchQuery) -> SearchResults:
    """Parse and run a query; raises QueryError with a message for the visitor.

    Several words match as a phrase first; only if the phrase finds nothing do they match
    anywhere in the document (``results.mode`` says which)."""
    query = parse(query)
    words = query.terms
    if len(words) > 1:
        query.terms = [query.whole]
        results = backend().search(query)
        if results.total:
            results.mode = "phrase"
            return results
        query.terms = words
    results = backend().search(query)
    results.mode = "all words" if len(words) > 1 else "word"
    return results


def suggest(prefix: str, language: str | None) -> list[str]:
    from .query import clean

    return backend().suggest(clean(prefix)[:100], language)
