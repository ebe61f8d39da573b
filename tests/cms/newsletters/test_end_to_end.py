"""Subscribe, confirm, receive the digest, leave with one click: through a real SMTP server."""

import re

import pytest
from django.test import Client

from cms.newsletters.digest import build_issue
from cms.newsletters.models import Subscriber
from cms.newsletters.tasks import send_issue

from .factories import close_period, direct_story, reviewed_translation, vi_story

pytestmark = pytest.mark.django_db


def link_in(text: str, marker: str) -> str:
    match = re.search(r"https://vietnam\.example(/\S*" + re.escape(marker) + r"\S*/)", text)
    assert match, text
    return match.group(1)


def test_subscribe_confirm_digest_unsubscribe(client, smtp):
    close_period("en", "zh-hans", "vi")
    address = "reader@mail.example"

    page = client.get("/en/newsletter/")
    assert page.status_code == 200 and 'name="email"' in page.content.decode()
    answer = client.post("/en/newsletter/", {"email": address, "website": ""})
    assert answer.status_code == 200
    assert "Check your inbox" in answer.content.decode()

    [mail] = smtp.to(address)
    assert "Confirm" in mail.message["Subject"]
    confirm_path = link_in(mail.part("text/plain"), "/newsletter/confirm/")
    assert confirm_path.startswith("/en/")
    assert Subscriber.objects.get(email=address).confirmed_at is None

    button = client.get(confirm_path)  # opening the link alone confirms nothing
    assert button.status_code == 200 and "<form" in button.content.decode()
    assert Subscriber.objects.get(email=address).confirmed_at is None
    done = client.post(confirm_path)
    assert done.status_code == 200
    subscriber = Subscriber.objects.get(email=address)
    assert subscriber.confirmed_at is not None and subscriber.language == "en"

    # A subscriber of another list, and content in several languages.
    other = Subscriber.objects.create(email="duzhe@mail.example", language="zh-hans")
    source = vi_story(title="Hạ Long đón khách", standfirst="Vịnh Hạ Long")
    english = reviewed_translation(
        source, "en", title="Ha Long <welcomes> visitors", standfirst="Bay & islands"
    )
    chinese = reviewed_translation(source, "zh-hans", title="下龙湾欢迎游客", standfirst="海湾")
    unreviewed = direct_story("en", title="Written directly in English")
    smtp.clear()

    issue = build_issue("en")
    assert send_issue(issue)
    issue.refresh_from_db()
    assert issue.status == "sent"
    [digest] = smtp.to(address)
    assert smtp.to(other.email) == []  # the Chinese list gets no English issue
    message = digest.message
    assert message.is_multipart()
    assert {part.get_content_type() for part in message.walk()} >= {"text/plain", "text/html"}
    html, text = digest.part("text/html"), digest.part("text/plain")
    assert "Ha Long &lt;welcomes&gt; visitors" in html and "<welcomes>" not in html
    assert "Ha Long <welcomes> visitors" in text and "Bay & islands" in text
    assert f"https://vietnam.example{english.url}" in html
    assert chinese.title not in html and unreviewed.title not in html and source.title not in html
    unsubscribe_link = (
        f"https://vietnam.example/en/newsletter/unsubscribe/{subscriber.unsubscribe_token}/"
    )
    header = " ".join(message["List-Unsubscribe"].split())
    assert header.startswith(f"<{unsubscribe_link}>, <mailto:news@example.org?subject=")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_link in html and unsubscribe_link in text

    # RFC 8058: the mail provider POSTs the body, without cookies or CSRF token.
    provider = Client(enforce_csrf_checks=True)
    path = unsubscribe_link.removeprefix("https://vietnam.example")
    answer = provider.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/plain")
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None and subscriber.email == ""

    smtp.clear()
    reviewed_translation(vi_story(), "en", title="Next week's story")
    later = build_issue("en")
    send_issue(later)
    assert smtp.to(address) == []
    assert later.deliveries.count() == 0
