"""Recall and false positives per language on the hand-written set, on the backend the
suite runs with (SQLite, or PostgreSQL under .ci/run). Figures are printed at the end."""

import json
from pathlib import Path

import pytest

from cms.search.backends.base import SearchQuery
from cms.search.documents import _fields
from cms.search.models import SearchDocument
from cms.search.service import backend, search

SET = json.loads((Path(__file__).parent / "recall_set.json").read_text("utf-8"))
REPORT: dict[str, tuple[int, int, int]] = {}
BASE_ID = 9_000_000


def index_set():
    """Only the set is in the index during these tests (the demo pages are removed)."""
    backend().clear()
    documents = []
    for position, (language, data) in enumerate(SET["languages"].items()):
        for number, sentence in enumerate(data["sentences"]):
            documents.append(
                {
                    "kind": "story",
                    "object_id": BASE_ID + position * 1000 + number,
                    "fields": {
                        "language": language,
                        "title": sentence,
                        "body": "",
                        "url": f"/{language}/{number}/",
                        **_fields(sentence, ""),
                    },
                }
            )
    backend().index(documents)


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(SET["languages"]))
def test_recall_and_false_positives(language):
    index_set()
    data = SET["languages"][language]
    by_url = {f"/{language}/{n}/": n for n in range(len(data["sentences"]))}
    relevant_total = found = false_positives = 0
    misses = []
    for text, relevant in data["queries"].items():
        results = search(SearchQuery(text, language=language, limit=50))
        got = {by_url[hit.url] for hit in results.hits if hit.url in by_url}
        relevant_total += len(relevant)
        found += len(got & set(relevant))
        false_positives += len(got - set(relevant))
        if got != set(relevant):
            misses.append((text, sorted(relevant), sorted(got)))
    REPORT[language] = (found, relevant_total, false_positives)
    assert SearchDocument.objects.filter(language=language).count() == len(data["sentences"])
    assert found / relevant_total >= 0.95, misses
    assert false_positives == 0, misses
