"""Which stories a digest holds, and how it is written."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.newsletters.digest import EmptyDigest, build_issue, period_start, reviewed_stories
from cms.newsletters.models import Issue, IssueStatus

from .factories import close_period, direct_story, reviewed_translation, vi_story

pytestmark = pytest.mark.django_db


def test_reviewed_stories_of_the_language_since_the_last_issue():
    close_period("vi", "en", "lo")
    source = vi_story(title="Tin mới")
    lao = reviewed_translation(source, "lo", title="ຂ່າວໃໝ່")
    direct_story("lo", title="Never reviewed")
    vi_issue = build_issue("vi")
    lo_issue = build_issue("lo")
    assert [item["headline"] for item in vi_issue.items] == ["Tin mới"]
    assert [item["headline"] for item in lo_issue.items] == [lao.title]
    assert lo_issue.items[0]["url"] == settings.WAGTAILADMIN_BASE_URL.rstrip("/") + lao.url
    with pytest.raises(EmptyDigest):
        build_issue("en")  # nothing new in English


def test_a_draft_does_not_close_the_period():
    close_period("vi")
    vi_story(title="Tuần này")
    first = build_issue("vi")
    assert first.status == IssueStatus.DRAFT
    again = build_issue("vi")  # rebuilding a draft finds the same stories
    assert [item["headline"] for item in again.items] == ["Tuần này"]
    first.status = IssueStatus.SENT
    first.save()
    with pytest.raises(EmptyDigest):
        build_issue("vi")


def test_top_n_newest_first_and_escaped():
    close_period("vi")
    for n in range(4):
        vi_story(title=f"Story {n} <b>bold</b> & co")
    with override_settings(NEWSLETTER_DIGEST_SIZE=3, NEWSLETTER_BASE_URL="https://vn.example/"):
        issue = build_issue("vi")
    assert len(issue.items) == 3
    assert "Story 3 &lt;b&gt;bold&lt;/b&gt; &amp; co" in issue.html_body
    assert "<b>bold</b>" not in issue.html_body
    assert "Story 3 <b>bold</b> & co" in issue.text_body  # plain text stays plain
    assert f"https://vn.example/vi/newsletter/archive/{issue.pk}/" in issue.text_body
    assert "unsubscribe" not in issue.text_body.lower()  # the archive copy is nobody's


def test_period_starts_one_interval_back_before_any_issue():
    now = timezone.now()
    assert not Issue.objects.filter(language="ko").exists()
    with override_settings(NEWSLETTER_INTERVAL=3600):
        assert period_start("ko", now) == now - timedelta(hours=1)
    story = vi_story()
    at = story.first_published_at
    assert list(reviewed_stories("vi", at - timedelta(seconds=1), at)) == []  # end exclusive
    assert list(reviewed_stories("vi", at, at + timedelta(seconds=1))) == [story]


def test_hero_image_is_shown_as_an_absolute_rendition_and_a_lost_file_is_skipped():
    close_period("vi")
    image = Image.objects.create(title="Vịnh", file=get_test_image_file(size=(900, 600)))
    vi_story(title="Có ảnh", hero_image=image, hero_alt="Vịnh <Hạ Long>")
    lost = Image.objects.create(title="Mất", file=get_test_image_file(filename="lost.png"))
    lost.file.storage.delete(lost.file.name)
    vi_story(title="Ảnh mất", hero_image=lost)
    with override_settings(NEWSLETTER_BASE_URL="https://vn.example"):
        issue = build_issue("vi")
    items = {item["headline"]: item for item in issue.items}
    picture = items["Có ảnh"]["image"]
    assert picture["url"].startswith("https://vn.example/media/images/")
    assert (picture["width"], picture["height"]) == (600, 338)
    assert f'src="{picture["url"]}" alt="Vịnh &lt;Hạ Long&gt;"' in issue.html_body
    assert items["Ảnh mất"]["image"] is None
