"""Who sees the measurement dashboard, and what happens to bad parameters."""

import pytest
from django.utils import timezone

from cms.core.roles import (
    ADMINISTRATORS,
    EDITORS,
    MODERATORS,
    reviewers_group_name,
    translators_group_name,
)
from cms.measurement.periods import Month
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/measurement/"
CSV = "/admin/measurement/figures.csv"


def signed_in(client, *groups):
    client.force_login(UserFactory(groups=list(groups)))
    return client


@pytest.mark.parametrize("group", [EDITORS, ADMINISTRATORS, reviewers_group_name("en")])
def test_editors_reviewers_and_administrators_see_it_in_the_menu(client, group):
    signed_in(client, group)
    assert DASHBOARD in client.get("/admin/").content.decode()
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["series"], "figures are listed"


@pytest.mark.parametrize("group", [MODERATORS, translators_group_name("en")])
def test_others_neither_see_nor_open_it(client, group):
    signed_in(client, group)
    assert DASHBOARD not in client.get("/admin/").content.decode()
    for url in (DASHBOARD, CSV):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"month,language" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(CSV)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_default_period_is_the_last_twelve_months(client):
    signed_in(client, EDITORS)
    context = client.get(DASHBOARD).context
    this_month = Month.of(timezone.now())
    assert [str(m) for m in context["months"]][-1] == str(this_month)
    assert len(context["months"]) == 12
    assert str(context["first"]) == str(this_month.minus(11))


def test_a_reviewer_reads_only_their_language(client):
    signed_in(client, reviewers_group_name("en"))
    response = client.get(DASHBOARD)
    assert response.context["language"] == "en"
    assert [code for code, _ in response.context["language_choices"]] == ["en"]
    rows = client.get(CSV + "?start=2024-01&end=2024-02").content.decode().splitlines()
    assert [row.split(",")[:2] for row in rows[1:]] == [["2024-01", "en"], ["2024-02", "en"]]
    for language in ("fr", "all"):
        assert client.get(f"{CSV}?language={language}").status_code in (302, 403)


@pytest.mark.parametrize(
    "query",
    [
        "start=2024-13",
        "start=2024-1",
        "end=24-01",
        "start=1999-12",
        "start=2024-05&end=2024-04",
        "start=2019-01&end=2024-12",  # 72 months
        "language=xx",
        "language=en&language=fr",
        "start=2024-01%00",
        "end=2024-010",
    ],
)
def test_bad_parameters_are_refused(client, query):
    signed_in(client, EDITORS)
    for url in (DASHBOARD, CSV):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, (url, query)
        assert b"month,language" not in response.content
        assert "cannot be shown" in response.content.decode()


def test_the_csv_is_linked_with_the_period(client):
    signed_in(client, EDITORS)
    page = client.get(DASHBOARD + "?start=2024-01&end=2024-06&language=ko").content.decode()
    assert f"{CSV}?start=2024-01&amp;end=2024-06&amp;language=ko" in page
    assert f'{CSV}?start=2024-01&amp;end=2024-06"' in page
