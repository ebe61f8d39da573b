"""The page-view counter: what it counts, what it skips, and what it keeps (nothing personal)."""

import pytest
from django.urls import ResolverMatch
from django.utils import timezone

from cms.measurement.counter import flush, without_secrets
from cms.measurement.models import PageView
from cms.stories.models import StoryPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def story_url():
    story = StoryPage.objects.live().filter(locale__language_code="vi").first()
    return story.get_url()


def rows():
    return list(
        PageView.objects.order_by("path", "referrer_host").values_list(
            "day", "language", "path", "referrer_host", "views"
        )
    )


def test_views_are_counted_per_path_and_referring_host(client, story_url):
    today = timezone.now().date()
    for _ in range(3):
        assert client.get(story_url, headers={"user-agent": BROWSER}).status_code == 200
    client.get(
        story_url + "?utm_source=mail&page=1",
        headers={"user-agent": BROWSER, "referer": "https://News.Example.org:8443/a/b?c=d#e"},
    )
    client.get(
        story_url,
        headers={"user-agent": BROWSER, "referer": "http://testserver/vi/"},  # same site
    )
    client.get("/en/", headers={"user-agent": BROWSER})
    assert rows() == [
        (today, "en", "/en/", "", 1),
        (today, "vi", story_url, "", 4),
        (today, "vi", story_url, "news.example.org", 1),
    ]


@pytest.mark.parametrize(
    "method,path,headers",
    [
        ("head", "STORY", {"user-agent": BROWSER}),
        ("get", "STORY", {}),  # no user agent at all
        ("get", "STORY", {"user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"}),
        ("get", "STORY", {"user-agent": "python-httpx/0.28"}),
        ("get", "/vi/khong-co-trang-nay/", {"user-agent": BROWSER}),  # 404
        ("get", "/vi/feeds/stories.xml", {"user-agent": BROWSER}),  # not HTML
        ("get", "/", {"user-agent": BROWSER}),  # redirect to a language
        ("get", "/admin/login/", {"user-agent": BROWSER}),
        ("get", "/static/css/site.css", {"user-agent": BROWSER}),
    ],
)
def test_what_is_not_counted(client, story_url, method, path, headers):
    getattr(client, method)(story_url if path == "STORY" else path, headers=headers)
    assert rows() == []


def test_signed_in_admin_pages_are_not_counted(client):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get("/admin/", headers={"user-agent": BROWSER}).status_code == 200
    assert rows() == []


def test_switched_off_by_setting(client, story_url, settings):
    settings.MEASUREMENT_COUNT_PAGE_VIEWS = False
    client.get(story_url, headers={"user-agent": BROWSER})
    assert rows() == []


def test_nothing_personal_is_stored_or_set(client, story_url):
    """The table has no column for an address, agent, cookie or query, and the counter sets
    no cookie: the response to an anonymous visitor carries none."""
    assert [field.name for field in PageView._meta.get_fields()] == [
        "id",
        "day",
        "language",
        "path",
        "referrer_host",
        "views",
    ]
    response = client.get(
        story_url + "?email=someone%40example.org",
        headers={"user-agent": BROWSER, "referer": "https://mail.example.org/inbox?id=42"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.cookies == {} or "sessionid" not in response.cookies
    stored = " ".join(str(value) for row in rows() for value in row)
    for personal in ("203.0.113.9", "Firefox", "someone", "inbox", "id=42"):
        assert personal not in stored


def test_secrets_in_the_path_are_not_stored(rf):
    request = rf.get("/vi/newsletter/confirm/s3cr3t-Token/")
    request.resolver_match = ResolverMatch(lambda r: None, (), {"token": "s3cr3t-Token"})
    assert without_secrets(request, request.path) == "/vi/newsletter/confirm/<token>/"
    request.resolver_match = ResolverMatch(lambda r: None, (), {"slug": "ha-long"})
    assert without_secrets(request, "/vi/ha-long/") == "/vi/ha-long/"


def test_views_are_kept_in_memory_and_written_in_one_batch(client, story_url, settings):
    settings.MEASUREMENT_FLUSH_VIEWS = 3
    client.get(story_url, headers={"user-agent": BROWSER})
    client.get("/en/", headers={"user-agent": BROWSER})
    assert rows() == []
    client.get(story_url, headers={"user-agent": BROWSER})
    today = timezone.now().date()
    assert rows() == [(today, "en", "/en/", "", 1), (today, "vi", story_url, "", 2)]
    client.get("/en/", headers={"user-agent": BROWSER})
    flush()
    assert rows()[0] == (today, "en", "/en/", "", 2)
