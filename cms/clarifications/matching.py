"""Finding watched terms in aggregated items, segmented exactly as search segments.

A term matches a text when its folded word tokens appear consecutively among the text's
folded tokens, or, for a term written in a script without spaces (Lao, Khmer, Chinese),
when its grapheme bigrams appear consecutively among the text's: the two phrase conditions
the search backends use (``cms.search.segmentation.prepare`` makes both). So "Ha Noi"
finds "Hà Nội", "nam" does not find "Vietnamese", and a Khmer term finds a sentence
written without spaces. Title and summary are matched separately, as search indexes them,
so a phrase cannot run from the end of the title into the summary.
"""

from collections.abc import Iterable

from django.db import transaction

from cms.aggregator.models import Item
from cms.search.segmentation import Prepared, prepare

from .models import TermMatch, WatchedTerm

BATCH = 500


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when ``needle`` occurs in ``haystack`` as consecutive elements."""
    size = len(needle)
    if not size or size > len(haystack):
        return False
    start = 0
    while True:
        try:
            start = haystack.index(needle[0], start)  # C-level scan: most texts stop here
        except ValueError:
            return False
        if haystack[start : start + size] == needle:
            return True
        start += 1


def phrase_in(term: Prepared, text: Prepared) -> bool:
    if _contains(text.folded, term.folded):
        return True
    return term.needs_grams and bool(term.grams) and _contains(text.grams, term.grams)


def term_matches(term: str, *texts: str) -> bool:
    """Whether ``term`` occurs in any of ``texts`` (each one a field of its own)."""
    prepared = prepare(term)
    return bool(prepared.tokens) and any(phrase_in(prepared, prepare(text)) for text in texts)


def _prepared_terms(terms: Iterable[WatchedTerm]) -> list[tuple[WatchedTerm, Prepared]]:
    return [(term, p) for term in terms if (p := prepare(term.term)).tokens]


def _found(ids: list[int], prepared_terms) -> list[TermMatch]:
    found = []
    for item in Item.objects.filter(pk__in=ids).only("id", "title", "summary"):
        fields = (prepare(item.title), prepare(item.summary))
        found.extend(
            TermMatch(term=term, item_id=item.pk)
            for term, prepared in prepared_terms
            if any(phrase_in(prepared, field) for field in fields)
        )
    return found


def _store(found: list[TermMatch]) -> int:
    with transaction.atomic():
        before = TermMatch.objects.count()
        TermMatch.objects.bulk_create(found, ignore_conflicts=True)
        return TermMatch.objects.count() - before


def match_items(item_ids: Iterable[int], terms: Iterable[WatchedTerm] | None = None) -> int:
    """Match the active watched terms (or ``terms``) against these items and store the new
    matches; returns how many were stored. Running it again stores nothing new."""
    prepared_terms = _prepared_terms(
        WatchedTerm.objects.filter(active=True) if terms is None else terms
    )
    ids = list(item_ids)
    if not prepared_terms:
        return 0
    return sum(
        _store(_found(ids[start : start + BATCH], prepared_terms))
        for start in range(0, len(ids), BATCH)
    )


def rematch(terms: Iterable[WatchedTerm] | None = None, progress=None) -> int:
    """Match the terms (all active ones by default) against every stored item, after a
    term was added or changed; returns how many new matches were stored. Matches that no
    longer hold (the term's text changed, or it was deactivated) are removed at the end,
    so the desk keeps showing the old ones meanwhile. ``progress(done, total)`` is called
    after each batch."""
    selected = list(WatchedTerm.objects.filter(active=True) if terms is None else terms)
    prepared_terms = _prepared_terms(selected)
    ids = list(Item.objects.order_by("pk").values_list("pk", flat=True))
    stored, holding = 0, set()
    for start in range(0, len(ids), BATCH):
        found = _found(ids[start : start + BATCH], prepared_terms)
        holding.update((match.term.pk, match.item_id) for match in found)
        stored += _store(found)
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    TermMatch.objects.filter(term__active=False).delete()
    stale = [
        pk
        for pk, term_id, item_id in TermMatch.objects.filter(term__in=selected).values_list(
            "pk", "term_id", "item_id"
        )
        if (term_id, item_id) not in holding
    ]
    for start in range(0, len(stale), BATCH):
        TermMatch.objects.filter(pk__in=stale[start : start + BATCH]).delete()
    return stored
