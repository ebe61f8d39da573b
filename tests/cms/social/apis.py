"""The three platforms as their documentation describes them, enough to check requests."""

import itertools

from .server import Answer, Api, Received, path_of

JPEG = b"\xff\xd8\xff"


class TelegramApi(Api):
    """Bot API: ``/bot<token>/<method>``; ``sendPhoto`` multipart (chat_id, caption,
    photo), ``sendMessage`` JSON (chat_id, text). Errors: ``ok: false`` with
    ``error_code`` and ``description``."""

    def __init__(self, token: str, username: str = "vnip_lo"):
        super().__init__()
        self.token, self.username = token, username
        self.ids = itertools.count(101)

    @staticmethod
    def error(code: int, description: str) -> Answer:
        return code, {}, {"ok": False, "error_code": code, "description": description}

    def answer(self, request: Received) -> Answer:
        prefix = f"/bot{self.token}/"
        path = path_of(request)
        if not path.startswith(prefix):
            return self.error(401, "Unauthorized")
        if request.method != "POST":
            return self.error(405, "Method Not Allowed")
        method = path.removeprefix(prefix)
        if method == "sendPhoto":
            fields, files = request.form()
            photo = files.get("photo")
            if not photo or not photo[2].startswith(JPEG):
                return self.error(400, "Bad Request: there is no photo in the request")
            text_field = "caption"
        elif method == "sendMessage":
            fields = request.json()
            text_field = "text"
            if not fields.get("text"):
                return self.error(400, "Bad Request: message text is empty")
        else:
            return self.error(404, "Not Found")
        if fields.get("chat_id") != f"@{self.username}":
            return self.error(400, "Bad Request: chat not found")
        message = {
            "message_id": next(self.ids),
            "chat": {"id": -1001234567890, "type": "channel", "username": self.username},
            "date": 1780000000,
            text_field: fields[text_field],
        }
        return 200, {}, {"ok": True, "result": message}


class MastodonApi(Api):
    """``POST /api/v2/media`` (multipart file, description; 202 while processing, then
    ``GET /api/v1/media/:id``), ``POST /api/v1/statuses``; Bearer token; a repeated
    Idempotency-Key returns the status already made."""

    def __init__(self, token: str, host: str = "mastodon.example"):
        super().__init__()
        self.token, self.host = token, host
        self.ids = itertools.count(110000000000000001)
        self.media: dict[str, dict] = {}
        self.statuses: dict[str, dict] = {}  # by Idempotency-Key
        self.processing = True  # the first upload answers 202

    def answer(self, request: Received) -> Answer:
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return 401, {}, {"error": "The access token is invalid"}
        path = path_of(request)
        if request.method == "POST" and path == "/api/v2/media":
            fields, files = request.form()
            upload = files.get("file")
            if not upload or not upload[2].startswith(JPEG):
                return 422, {}, {"error": "Validation failed: File can't be blank"}
            media_id = str(next(self.ids))
            media = {"id": media_id, "type": "image", "description": fields.get("description")}
            self.media[media_id] = {**media, "url": f"https://{self.host}/media/{media_id}.jpg"}
            if self.processing:
                self.processing = False
                return 202, {}, {**media, "url": None}
            return 200, {}, self.media[media_id]
        if request.method == "GET" and path.startswith("/api/v1/media/"):
            media = self.media.get(path.rsplit("/", 1)[1])
            return (200, {}, media) if media else (404, {}, {"error": "Record not found"})
        if request.method == "POST" and path == "/api/v1/statuses":
            data = request.json()
            if not data.get("status") and not data.get("media_ids"):
                return 422, {}, {"error": "Validation failed: Text can't be blank"}
            if any(media_id not in self.media for media_id in data.get("media_ids", [])):
                return 422, {}, {"error": "Validation failed: media not found"}
            key = request.headers.get("idempotency-key", "")
            if key and key in self.statuses:
                return 200, {}, self.statuses[key]
            status_id = str(next(self.ids))
            status = {
                "id": status_id,
                "uri": f"https://{self.host}/users/vnip/statuses/{status_id}",
                "url": f"https://{self.host}/@vnip/{status_id}",
                "content": data["status"],
                "language": data.get("language"),
                "visibility": data.get("visibility"),
                "media_attachments": [self.media[m] for m in data.get("media_ids", [])],
            }
            if key:
                self.statuses[key] = status
            return 200, {}, status
        return 404, {}, {"error": "Record not found"}


class FacebookApi(Api):
    """Graph API: ``POST /{page-id}/photos`` (source or url, caption) and
    ``/{page-id}/feed`` (message, link), ``access_token`` as a parameter."""

    def __init__(self, page_id: str, token: str):
        super().__init__()
        self.page_id, self.token = page_id, token
        self.ids = itertools.count(900001)

    @staticmethod
    def error(status: int, message: str, code: int, kind: str = "OAuthException") -> Answer:
        return status, {}, {"error": {"message": message, "type": kind, "code": code}}

    def answer(self, request: Received) -> Answer:
        fields, files = request.form()
        if fields.get("access_token") != self.token:
            return self.error(400, "Invalid OAuth access token - Cannot parse access token", 190)
        path = path_of(request)
        if request.method != "POST" or not path.startswith(f"/v21.0/{self.page_id}/"):
            return self.error(400, "Unsupported post request.", 100, "GraphMethodException")
        edge = path.rsplit("/", 1)[1]
        if edge == "photos":
            source = files.get("source")
            if not (source and source[2].startswith(JPEG)) and not fields.get("url"):
                return self.error(400, "(#324) Requires upload file", 324)
            photo_id = next(self.ids)
            return 200, {}, {"id": str(photo_id), "post_id": f"{self.page_id}_{photo_id + 7}"}
        if edge == "feed":
            if not fields.get("message") and not fields.get("link"):
                return self.error(400, "(#100) Missing message or attachment", 100)
            return 200, {}, {"id": f"{self.page_id}_{next(self.ids)}"}
        return self.error(400, "Unknown path components", 2500)
