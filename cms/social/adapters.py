"""One adapter per platform, each following the platform's documented request format:

- Telegram Bot API: ``POST {base}/bot{token}/sendPhoto`` (multipart: chat_id, caption,
  photo) or ``sendMessage`` (JSON: chat_id, text; no parse_mode, so nothing is read as
  markup); the post is ``https://t.me/<channel>/<message_id>``.
- Mastodon: ``POST {base}/api/v2/media`` (multipart: file, description), waiting while
  the server processes it, then ``POST {base}/api/v1/statuses`` (JSON: status,
  media_ids, language, visibility) with ``Authorization: Bearer`` and an
  ``Idempotency-Key`` that stays the same across retries, so a retry never posts twice.
- Facebook Graph API: ``POST {base}/{page-id}/photos`` (multipart: source, caption,
  access_token) or ``/{page-id}/feed`` (message, link, access_token), the token in the
  body, never in the URL.

Errors raise ``SendError``: retryable on timeouts, network errors, 408, 429 and 5xx
(with the server's Retry-After), final on other 4xx. Tokens never appear in a message.
"""

import time
from dataclasses import dataclass

import httpx

from cms.aggregator.fetch import retry_after_seconds

from . import conf
from .models import Channel, ChannelKind

TELEGRAM_CAPTION_LIMIT = 1024
MEDIA_POLLS = 10


class SendError(Exception):
    def __init__(self, message: str, retryable: bool, retry_after: float | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(frozen=True)
class Outgoing:
    text: str
    language: str
    link: str
    idempotency_key: str
    image: bytes | None = None
    image_alt: str = ""


@dataclass(frozen=True)
class Sent:
    remote_id: str
    url: str


def redact(text: str, token: str) -> str:
    return text.replace(token, "[token]") if token else text


class Session:
    """An httpx client that turns transport failures and error answers into SendError."""

    def __init__(self, channel: Channel):
        self.channel = channel
        self.client = httpx.Client(timeout=conf.get("SOCIAL_TIMEOUT"), follow_redirects=False)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.client.close()

    def call(self, method: str, url: str, **kwargs) -> httpx.Response:
        token = self.channel.token
        try:
            return self.client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise SendError("The platform did not answer in time.", retryable=True) from None
        except httpx.TransportError as error:
            message = redact(f"Could not reach the platform: {error}", token)
            raise SendError(message, retryable=True) from None

    def json(self, response: httpx.Response, describe) -> dict:
        try:
            data = response.json()
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        status = response.status_code
        if status < 400:
            return data
        detail = describe(data) or response.reason_phrase
        retry_after = retry_after_seconds(response.headers.get("Retry-After"))
        parameters = data.get("parameters")
        if retry_after is None and isinstance(parameters, dict):
            retry_after = parameters.get("retry_after")  # Telegram says it in the body
        retryable = status in (408, 429) or status >= 500 or _transient(data)
        message = redact(f"HTTP {status}: {detail}", self.channel.token)
        raise SendError(message, retryable=retryable, retry_after=retry_after)


def _transient(data: dict) -> bool:
    error = data.get("error")
    return isinstance(error, dict) and bool(error.get("is_transient"))


def telegram(channel: Channel, post: Outgoing) -> Sent:
    base = f"{channel.base_url}/bot{channel.token}"
    with Session(channel) as session:
        if post.image and len(post.text) <= TELEGRAM_CAPTION_LIMIT:
            response = session.call(
                "POST",
                f"{base}/sendPhoto",
                data={"chat_id": channel.target, "caption": post.text},
                files={"photo": ("share.jpg", post.image, "image/jpeg")},
            )
        else:
            response = session.call(
                "POST", f"{base}/sendMessage", json={"chat_id": channel.target, "text": post.text}
            )
        data = session.json(response, lambda d: d.get("description"))
    if not data.get("ok") or not isinstance(data.get("result"), dict):
        raise SendError(f"Telegram did not accept the message: {data}", retryable=False)
    message = data["result"]
    message_id = message["message_id"]
    target = channel.target.strip()
    username = (message.get("chat") or {}).get("username") or (
        target.lstrip("@") if not target.lstrip("-").isdigit() else ""
    )
    if username:
        url = f"https://t.me/{username}/{message_id}"
    else:  # a private channel: its link needs the id without the -100 prefix
        url = f"https://t.me/c/{target.removeprefix('-100')}/{message_id}"
    return Sent(str(message_id), url)


def _mastodon_error(data: dict) -> str | None:
    return data.get("error") if isinstance(data.get("error"), str) else None


def mastodon(channel: Channel, post: Outgoing) -> Sent:
    base = channel.base_url
    if not base:
        raise SendError("The Mastodon channel names no instance URL.", retryable=False)
    auth = {"Authorization": f"Bearer {channel.token}"}
    media_ids = []
    with Session(channel) as session:
        if post.image:
            response = session.call(
                "POST",
                f"{base}/api/v2/media",
                headers=auth,
                data={"description": post.image_alt},
                files={"file": ("share.jpg", post.image, "image/jpeg")},
            )
            media = session.json(response, _mastodon_error)
            polls = 0
            while not media.get("url") and polls < MEDIA_POLLS:  # 202: still processing
                time.sleep(min(2.0, 0.25 * 2**polls))
                polls += 1
                response = session.call("GET", f"{base}/api/v1/media/{media['id']}", headers=auth)
                media = session.json(response, _mastodon_error)
            media_ids.append(str(media["id"]))
        response = session.call(
            "POST",
            f"{base}/api/v1/statuses",
            headers={**auth, "Idempotency-Key": post.idempotency_key},
            json={
                "status": post.text,
                "media_ids": media_ids,
                "language": post.language.split("-")[0],
                "visibility": "public",
            },
        )
        status = session.json(response, _mastodon_error)
    return Sent(str(status["id"]), status.get("url") or status.get("uri", ""))


def _facebook_error(data: dict) -> str | None:
    error = data.get("error")
    return error.get("message") if isinstance(error, dict) else None


def facebook(channel: Channel, post: Outgoing) -> Sent:
    base = f"{channel.base_url}/{channel.target}"
    with Session(channel) as session:
        if post.image:
            response = session.call(
                "POST",
                f"{base}/photos",
                data={"caption": post.text, "access_token": channel.token},
                files={"source": ("share.jpg", post.image, "image/jpeg")},
            )
        else:
            response = session.call(
                "POST",
                f"{base}/feed",
                data={"message": post.text, "link": post.link, "access_token": channel.token},
            )
        data = session.json(response, _facebook_error)
    remote_id = data.get("post_id") or data.get("id")
    if not remote_id:
        raise SendError(f"Facebook returned no post id: {data}", retryable=False)
    return Sent(str(remote_id), f"https://www.facebook.com/{remote_id}")


ADAPTERS = {
    ChannelKind.TELEGRAM: telegram,
    ChannelKind.MASTODON: mastodon,
    ChannelKind.FACEBOOK: facebook,
}


def send(channel: Channel, post: Outgoing) -> Sent:
    return ADAPTERS[channel.kind](channel, post)
