"""Parsing what a visitor typed: safe for any input, never a server error."""

import re

from django.utils.translation import gettext as _

from cms.text.normalise import without_controls

from .backends.base import MAX_QUERY_LENGTH, MAX_TERMS, QueryError, SearchQuery
from .segmentation import prepare

QUOTED = re.compile(r'"([^"]+)"')


def clean(text: str) -> str:
    """Drop control and invisible characters and cap the length."""
    text = without_controls(text or "", invisible=True)
    return text[:MAX_QUERY_LENGTH].strip()


def parse(query: SearchQuery) -> SearchQuery:
    """Fill ``terms``: quoted phrases stay phrases, other words are ANDed; each term
    matches its folded words as a phrase, or (for scripts without spaces) its graphemes."""
    text = clean(query.text)
    if not text:
        raise QueryError(_("Type a word to search for."))
    phrases = QUOTED.findall(text)
    rest = QUOTED.sub(" ", text).replace('"', " ")
    chunks = [*phrases, *rest.split()]
    terms = [prepared for prepared in (prepare(chunk) for chunk in chunks) if prepared.tokens]
    if not terms:
        raise QueryError(_("The query has no letters or digits to search for."))
    query.terms = terms[:MAX_TERMS]
    query.whole = prepare(" ".join(chunks[:MAX_TERMS]))
    return query
