"""Each platform's adapter against a local server that checks the documented format."""

import logging
from datetime import UTC, datetime

from cms.social import posting, sending
from cms.social.figures import figures
from cms.social.models import ChannelKind, Post, PostStatus

from .conftest import TOKEN
from .factories import ChannelFactory

JPEG = b"\xff\xd8\xff"


def queue_one(page, channel, with_image=True, text="Headline\n\nSummary") -> Post:
    (post,) = posting.queue(page, [channel], text, with_image, None)
    post.refresh_from_db()
    return post


def test_telegram_photo_after_a_5xx(telegram, lao_story, caplog):
    caplog.set_level(logging.DEBUG)
    api = telegram.api
    api.fail_with(502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
    channel = ChannelFactory(api_base=telegram.url, token=TOKEN, target="@vnip_lo")

    post = queue_one(lao_story, channel, text=f"{lao_story.title}\n\n{lao_story.full_url}")

    assert len(api.received) == 2
    for request in api.received:
        assert request.method == "POST"
        assert request.path == f"/bot{TOKEN}/sendPhoto"
        assert request.content_type.startswith("multipart/form-data")
    fields, files = api.received[1].form()
    assert fields == {"chat_id": "@vnip_lo", "caption": post.text}
    assert files["photo"][1] == "image/jpeg" and files["photo"][2].startswith(JPEG)
    assert post.status == PostStatus.SENT and post.attempts == 2
    assert post.url == "https://t.me/vnip_lo/101"
    assert post.remote_id == "101"
    assert TOKEN not in caplog.text and "/bot[token]/" in caplog.text


def test_telegram_text_only_and_retry_after(telegram, lao_story):
    api = telegram.api
    api.fail_with(
        429,
        {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
         "parameters": {"retry_after": 1}},
    )  # fmt: skip
    channel = ChannelFactory(api_base=telegram.url, token=TOKEN, target="@vnip_lo")

    post = queue_one(lao_story, channel, with_image=False, text="<b>not markup</b> & more")

    first, second = api.received
    assert first.path == second.path == f"/bot{TOKEN}/sendMessage"
    assert second.json() == {"chat_id": "@vnip_lo", "text": "<b>not markup</b> & more"}
    assert second.at - first.at >= 1.0  # Telegram's retry_after honoured
    assert post.status == PostStatus.SENT and post.url == "https://t.me/vnip_lo/101"


def test_telegram_4xx_fails_at_once_without_the_token(telegram, lao_story):
    channel = ChannelFactory(api_base=telegram.url, token="999:wrong-token", target="@vnip_lo")

    post = queue_one(lao_story, channel)

    assert len(telegram.api.received) == 1
    assert post.status == PostStatus.FAILED and post.attempts == 1
    assert post.last_error == "HTTP 401: Unauthorized"
    assert "wrong-token" not in post.last_error and post.url == ""


def test_mastodon_media_then_status_once_across_a_retry(mastodon, lao_story):
    api = mastodon.api
    channel = ChannelFactory(
        kind=ChannelKind.MASTODON, api_base=mastodon.url, token="mastodon-secret-token", target=""
    )
    # The status call fails once with a 503 after the server made the status: the retry
    # carries the same Idempotency-Key, so the server returns that status, not a second.
    original = api.answer

    def made_then_failed(request):
        answer = original(request)
        if request.path == "/api/v1/statuses" and not getattr(api, "failed_once", False):
            api.failed_once = True
            return 503, {}, {"error": "Service Unavailable"}
        return answer

    api.answer = made_then_failed

    post = queue_one(lao_story, channel)

    calls = [(r.method, r.path) for r in api.received]
    assert calls == [
        ("POST", "/api/v2/media"),
        ("GET", calls[1][1]),  # 202: still processing, asked again
        ("POST", "/api/v1/statuses"),
        ("POST", "/api/v2/media"),
        ("POST", "/api/v1/statuses"),
    ]
    assert calls[1][1].startswith("/api/v1/media/")
    assert all(r.headers["authorization"] == "Bearer mastodon-secret-token" for r in api.received)
    fields, files = api.received[0].form()
    assert fields == {"description": lao_story.title}
    assert files["file"][2].startswith(JPEG)
    keys = {r.headers["idempotency-key"] for r in api.received if r.path == "/api/v1/statuses"}
    assert keys == {str(post.idempotency_key)}
    body = api.received[-1].json()
    assert body["status"] == post.text and body["language"] == "lo"
    assert body["visibility"] == "public" and len(body["media_ids"]) == 1
    assert len(api.statuses) == 1  # posted once
    (status,) = api.statuses.values()
    assert post.status == PostStatus.SENT and post.attempts == 2
    assert post.url == status["url"] == f"https://mastodon.example/@vnip/{status['id']}"


def test_facebook_photo_and_feed(facebook, lao_story):
    api = facebook.api
    channel = ChannelFactory(
        kind=ChannelKind.FACEBOOK,
        api_base=f"{facebook.url}/v21.0",
        token="facebook-secret-token",
        target="5550001",
    )
    photo_post = queue_one(lao_story, channel)
    feed_post = queue_one(lao_story, channel, with_image=False)

    photo, feed = api.received
    assert photo.path == "/v21.0/5550001/photos" and "access_token" not in photo.path
    fields, files = photo.form()
    assert fields == {"caption": photo_post.text, "access_token": "facebook-secret-token"}
    assert files["source"][2].startswith(JPEG)
    assert photo_post.url == "https://www.facebook.com/5550001_900008"
    assert feed.path == "/v21.0/5550001/feed"
    assert feed.form()[0] == {
        "message": feed_post.text,
        "link": lao_story.full_url,
        "access_token": "facebook-secret-token",
    }
    assert feed_post.url == "https://www.facebook.com/5550001_900002"


def test_facebook_4xx_is_not_retried(facebook, lao_story):
    channel = ChannelFactory(
        kind=ChannelKind.FACEBOOK,
        api_base=f"{facebook.url}/v21.0",
        token="expired-token",
        target="5550001",
    )
    post = queue_one(lao_story, channel, with_image=False)

    assert len(facebook.api.received) == 1
    assert post.status == PostStatus.FAILED
    assert post.last_error == ("HTTP 400: Invalid OAuth access token - Cannot parse access token")


def test_gives_up_after_the_last_attempt(settings, telegram, lao_story):
    settings.SOCIAL_MAX_ATTEMPTS = 3
    telegram.api.fail_with(500, {"ok": False, "error_code": 500, "description": "Oops"}, times=5)
    channel = ChannelFactory(api_base=telegram.url, token=TOKEN)

    post = queue_one(lao_story, channel, with_image=False)

    assert len(telegram.api.received) == 3
    assert post.status == PostStatus.FAILED and post.attempts == 3
    assert post.last_error == "HTTP 500: Oops"


def test_timeout_is_retried(settings, telegram, lao_story):
    settings.SOCIAL_TIMEOUT = 0.3
    settings.SOCIAL_MAX_ATTEMPTS = 2
    telegram.api.delay = 0.6
    channel = ChannelFactory(api_base=telegram.url, token=TOKEN)

    post = queue_one(lao_story, channel, with_image=False)

    assert len(telegram.api.received) == 2
    assert post.status == PostStatus.FAILED
    assert post.last_error == "The platform did not answer in time."


def test_backoff_doubles_honours_retry_after_and_is_capped(settings):
    settings.SOCIAL_BACKOFF_BASE = 30
    settings.SOCIAL_BACKOFF_CAP = 3600
    assert [sending.backoff(n) for n in (1, 2, 3)] == [30, 60, 120]
    assert sending.backoff(1, retry_after=90) == 90
    assert sending.backoff(3, retry_after=5) == 120
    assert sending.backoff(20) == 3600


def test_monthly_figures_count_sent_and_failed_posts(telegram, lao_story):
    good = ChannelFactory(api_base=telegram.url, token=TOKEN)
    bad = ChannelFactory(api_base=telegram.url, token="1:wrong", language="lo")
    queue_one(lao_story, good, with_image=False)
    queue_one(lao_story, bad, with_image=False)
    start, end = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    computed = {key: compute for key, _label, compute in figures()}
    assert computed["social_posts_sent"]("lo", start, end) == 1
    assert computed["social_posts_sent"]("km", start, end) == 0
    assert computed["social_posts_failed"](None, start, end) == 1


def test_a_post_url_that_is_not_a_web_address_is_not_kept(mastodon, lao_story):
    api = mastodon.api
    original = api.answer

    def hostile(request):
        status, headers, body = original(request)
        if request.path == "/api/v1/statuses":
            body = {**body, "url": "javascript:alert(1)"}
        return status, headers, body

    api.answer = hostile
    channel = ChannelFactory(
        kind=ChannelKind.MASTODON, api_base=mastodon.url, token="mastodon-secret-token"
    )
    post = queue_one(lao_story, channel, with_image=False)
    assert post.status == PostStatus.SENT and post.url == "" and post.remote_id
