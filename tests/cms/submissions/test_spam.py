"""Spam attempts are refused with a clear message, and nothing is stored or sent."""

import time

import pytest
from django.core import mail

from cms.submissions.models import Submission
from cms.submissions.spam import text_problem
from cms.submissions.tokens import fill_token

from .factories import form_data

pytestmark = pytest.mark.django_db
URL = "/en/contribute/"


def refused(client, data, status, message, **extra):
    before = Submission.objects.count()
    response = client.post(URL, data, **extra)
    assert response.status_code == status
    assert message in response.content.decode()
    assert Submission.objects.count() == before
    assert mail.outbox == []
    return response


def test_honeypot(client):
    refused(client, form_data(website="http://spam.example"), 400, "looks automated")


def test_sent_too_fast(client):
    response = refused(client, form_data(started=fill_token()), 400, "too quickly")
    assert "Claire Martin" in response.content.decode(), "what was typed is kept"


def test_forged_or_stale_form(client):
    refused(client, form_data(started="12345"), 400, "form was damaged")
    old = fill_token(now=time.time() - 3 * 86400)
    refused(client, form_data(started=old), 400, "too old")


def test_rate_limit_per_address_and_per_client(client, settings):
    settings.SUBMISSIONS_RATE_LIMIT = 2
    before = Submission.objects.count()
    for _ in range(2):
        assert client.post(URL, form_data()).status_code == 302
    mail.outbox.clear()
    refused(client, form_data(), 429, "several contributions in a short time")
    # Another address from the same client is refused too.
    refused(client, form_data(email="other@example.org"), 429, "several contributions")
    # Another client with another address is not.
    other = client.post(URL, form_data(email="third@example.org"), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302
    assert Submission.objects.count() == before + 3


def test_rate_limit_keeps_no_address_in_clear(client):
    from django.core.cache import cache

    client.post(URL, form_data())
    keys = list(cache._cache.keys())
    assert keys and not any("claire@example.org" in key or "127.0.0.1" in key for key in keys)


def test_link_spam(client):
    text = "Cheap! https://a.example https://b.example www.c.example"
    refused(client, form_data(text=text), 200, "too many links")


def test_banned_words_caps_and_repeats(settings):
    settings.SUBMISSIONS_BANNED_WORDS = ["casino"]
    assert "does not accept" in text_problem("Best Casino in Hanoi")
    assert text_problem("Casinos are not in the list") is None
    assert "capital letters" in text_problem("THIS IS THE BEST OFFER YOU WILL EVER SEE IN VIETNAM")
    assert "repeats one character" in text_problem("Wonderful!!!!!!!!!!!!")
    assert text_problem("ខ្ញុំបានទៅលេងទីក្រុងហូយអាន។ Phở ngon lắm.") is None


def test_missing_consent_keeps_the_form(client):
    before = Submission.objects.count()
    response = client.post(URL, form_data(consent_processing=None))
    assert response.status_code == 200
    assert Submission.objects.count() == before
    assert "Rice terraces in Mu Cang Chai" in response.content.decode()


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "Claire\x00"),
        ("title", "Tab\x07bell"),
        ("email", "not-an-address"),
        ("licence", "public-domain"),
        ("text", "x" * 20_001),
        ("started", None),
    ],
)
def test_bad_input_is_refused_without_an_error_page(client, field, value):
    before = Submission.objects.count()
    response = client.post(URL, form_data(**{field: value}))
    assert response.status_code in (200, 400)
    assert 'role="alert"' in response.content.decode()
    assert Submission.objects.count() == before


def test_malformed_page_parameter_on_the_index(client):
    assert client.get("/en/voices/?page=%00").status_code == 400
    assert client.get("/en/voices/?page=999").status_code == 200
