import pytest
from django.utils import translation

from cms.search.backends.base import QueryError, SearchQuery
from cms.search.errors import SearchError
from cms.search.jsonlines import FileRejected
from cms.search.query import parse


def test_search_errors_share_a_base_and_stay_value_errors():
    assert issubclass(QueryError, SearchError) and issubclass(QueryError, ValueError)
    assert issubclass(FileRejected, SearchError) and issubclass(FileRejected, ValueError)


@pytest.mark.parametrize(
    ("language", "text", "message"),
    [
        ("vi", "   ", "Hãy nhập từ cần tìm."),
        ("fr", "\x00\u200b", "Saisissez un mot à chercher."),
        ("lo", "!!! ...", "ຄຳຄົ້ນຫາບໍ່ມີຕົວອັກສອນ ຫຼື ຕົວເລກ."),
        ("en", "?", "The query has no letters or digits to search for."),
    ],
)
def test_query_errors_speak_the_visitors_language(language, text, message):
    with translation.override(language), pytest.raises(QueryError) as error:
        parse(SearchQuery(text=text))
    assert str(error.value) == message
