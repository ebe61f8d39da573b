"""The public form against abuse, and links that cannot work."""

import pytest
from django.test import override_settings

from cms.newsletters.links import confirmation_token
from cms.newsletters.models import Subscriber
from cms.newsletters.subscriptions import unsubscribe

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_honeypot_answers_like_success_but_sends_nothing(client, smtp):
    answer = client.post("/en/newsletter/", {"email": "v@mail.example", "website": "http://x"})
    assert answer.status_code == 200 and "Check your inbox" in answer.content.decode()
    assert smtp.received == [] and not Subscriber.objects.filter(email="v@mail.example").exists()


def test_a_victim_address_gets_a_bounded_number_of_confirmation_mails(client, smtp):
    with override_settings(NEWSLETTER_CONFIRMATIONS_PER_EMAIL=2, NEWSLETTER_SUBSCRIBE_PER_IP=100):
        for language in ("en", "en", "lo", "km", "en"):
            answer = client.post(f"/{language}/newsletter/", {"email": "Victim@Mail.Example"})
            assert answer.status_code == 200
    assert len(smtp.to("Victim@mail.example")) == 2


def test_one_network_is_limited(client, smtp):
    with override_settings(NEWSLETTER_SUBSCRIBE_PER_IP=3):
        codes = [
            client.post("/en/newsletter/", {"email": f"r{n}@mail.example"}).status_code
            for n in range(5)
        ]
    assert codes == [200, 200, 200, 429, 429]
    assert len(smtp.received) == 3


def test_a_confirmed_subscriber_gets_no_new_mail(client, smtp):
    reader = SubscriberFactory(language="en")
    answer = client.post("/en/newsletter/", {"email": reader.email})
    assert "Check your inbox" in answer.content.decode()  # reveals nothing
    assert smtp.received == []


def test_invalid_address_is_shown_again(client):
    answer = client.post("/en/newsletter/", {"email": "not an address"})
    assert answer.status_code == 400
    assert 'value="not an address"' in answer.content.decode()


@pytest.mark.parametrize(
    "token", ["nonsense", "e30:1vabcd:xyz", "W1sxXV0:1vPhA2:" + "A" * 43, "%00", "a" * 600]
)
def test_bad_confirmation_tokens_get_a_clear_400(client, token):
    answer = client.get(f"/en/newsletter/confirm/{token}/")
    assert answer.status_code == 400
    assert "not valid or has expired" in answer.content.decode()
    assert client.post(f"/en/newsletter/confirm/{token}/").status_code == 400


def test_expired_and_erased_confirmations_are_refused(client):
    reader = SubscriberFactory(language="en", confirmed_at=None)
    token = confirmation_token(reader)
    with override_settings(NEWSLETTER_CONFIRM_MAX_AGE=-1):
        assert client.post(f"/en/newsletter/confirm/{token}/").status_code == 400
    unsubscribe(reader)
    assert client.post(f"/en/newsletter/confirm/{token}/").status_code == 400
    reader.refresh_from_db()
    assert reader.confirmed_at is None


def test_unknown_unsubscribe_token_gets_a_clear_404(client):
    for method in (client.get, client.post):
        answer = method("/en/newsletter/unsubscribe/not-a-real-token/")
        assert answer.status_code == 404
        assert "unsubscribe link is not known" in answer.content.decode()


def test_unsubscribe_page_asks_first_and_the_button_works(client):
    reader = SubscriberFactory(language="en")
    path = f"/en/newsletter/unsubscribe/{reader.unsubscribe_token}/"
    page = client.get(path)
    assert page.status_code == 200 and "<form" in page.content.decode()
    reader.refresh_from_db()
    assert reader.is_active
    done = client.post(path)
    assert done.status_code == 200 and "erased your address" in done.content.decode()
    reader.refresh_from_db()
    assert not reader.is_active and reader.email == ""
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200  # again


def test_footer_links_to_the_newsletter(client):
    page = client.get("/lo/newsletter/archive/")
    assert page.status_code == 200
    assert 'href="/lo/newsletter/"' in page.content.decode()
