from cms.aggregator.errors import AggregatorError
from cms.aggregator.fetch import FetchError, check_address
from cms.aggregator.parse import ParseError


def test_aggregator_errors_share_a_base():
    for error in (FetchError, ParseError):
        assert issubclass(error, AggregatorError)


def test_a_refused_fetch_is_caught_as_an_aggregator_error():
    try:
        check_address("ftp://tinh.gov.vn/feed")
    except AggregatorError as error:
        assert str(error) == "Only http and https URLs can be fetched, not ftp."
    else:
        raise AssertionError("ftp was fetched")
