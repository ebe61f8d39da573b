from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cms.newsletters.figures import confirmed_subscribers, mails_sent
from cms.newsletters.models import IssueStatus
from cms.newsletters.sending import send_due, start_sending
from cms.newsletters.subscriptions import unsubscribe

from .factories import IssueFactory, SubscriberFactory, close_period, vi_story

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("newsletter", *args, stdout=out)
    return out.getvalue()


def test_digest_command_builds_and_sends(smtp):
    close_period("vi")
    reader = SubscriberFactory(language="vi")
    vi_story(title="Tin tuần")
    output = run("digest", "--language", "vi")
    assert "Tin tuần" in output and "Draft only" in output
    assert smtp.received == []
    output = run("digest", "--language", "vi", "--send")
    assert "… sent 1," in output and "Sent 1" in output and "Issue sent." in output
    assert len(smtp.to(reader.email)) == 1


def test_digest_command_errors_say_what_to_do():
    with pytest.raises(CommandError, match="Languages: vi"):
        run("digest", "--language", "xx")
    close_period("km")
    with pytest.raises(CommandError, match="Nothing was built"):
        run("digest", "--language", "km")


def test_weekly_builds_every_language_with_subscribers(smtp):
    close_period("vi", "en")
    SubscriberFactory(language="vi")
    SubscriberFactory(language="en")
    vi_story(title="Chỉ tiếng Việt")
    output = run("weekly")
    assert "vi: issue" in output and "en: no new reviewed story" in output
    assert len(smtp.received) == 1


def test_monthly_figures(smtp):
    start = timezone.now() - timedelta(days=1)
    end = timezone.now() + timedelta(days=1)
    before = confirmed_subscribers("lo", start, end)
    stays = SubscriberFactory(language="lo")
    leaves = SubscriberFactory(language="lo")
    SubscriberFactory(language="lo", confirmed_at=None)
    issue = IssueFactory(language="lo", status=IssueStatus.DRAFT, sent_at=None)
    start_sending(issue)
    send_due(issue)
    unsubscribe(leaves)
    assert confirmed_subscribers("lo", start, end) == before + 1
    assert confirmed_subscribers("lo", start, stays.confirmed_at) == before
    assert mails_sent("lo", start, end) == 2
    assert mails_sent(None, start, end) >= 2
    assert mails_sent("km", start, end) == 0
    assert mails_sent("lo", end, end + timedelta(days=30)) == 0
