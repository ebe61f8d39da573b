"""Real HTTP servers on 127.0.0.1 that answer like the Telegram Bot API, the Mastodon
API and the Facebook Graph API, and refuse requests that break the documented format
the way those APIs do. Each records what it received; ``fail_with`` makes the next
calls fail (a 5xx, a 429, a 4xx)."""

import json
import threading
import time
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ONE_PIXEL_JPEG_PREFIX = b"\xff\xd8\xff"


@dataclass
class Received:
    method: str
    path: str
    headers: dict
    body: bytes
    at: float = field(default_factory=time.monotonic)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def form(self) -> tuple[dict[str, str], dict[str, tuple[str, str, bytes]]]:
        """Fields and files of a multipart or urlencoded body."""
        if self.content_type.startswith("application/x-www-form-urlencoded"):
            fields = {k: v[0] for k, v in parse_qs(self.body.decode()).items()}
            return fields, {}
        if not self.content_type.startswith("multipart/form-data"):
            return {}, {}
        head = f"Content-Type: {self.content_type}\r\n\r\n".encode()
        message = BytesParser(policy=policy.HTTP).parsebytes(head + self.body)
        fields, files = {}, {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if part.get_filename():
                files[name] = (part.get_filename(), part.get_content_type(), payload)
            else:
                fields[name] = payload.decode()
        return fields, files

    def json(self) -> dict:
        return json.loads(self.body) if self.content_type.startswith("application/json") else {}


Answer = tuple[int, dict, dict]  # status, headers, JSON body


class Api:
    """Answers of one platform; subclasses implement ``answer``."""

    def __init__(self):
        self.received: list[Received] = []
        self.failures: list[Answer] = []
        self.delay = 0.0

    def fail_with(self, status: int, body: dict, times: int = 1, headers=None) -> None:
        self.failures += [(status, headers or {}, body)] * times

    def handle(self, request: Received) -> Answer:
        self.received.append(request)
        if self.delay:
            time.sleep(self.delay)
        if self.failures:
            return self.failures.pop(0)
        return self.answer(request)

    def answer(self, request: Received) -> Answer:
        raise NotImplementedError


class Handler(BaseHTTPRequestHandler):
    server: "ApiServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        request = Received(self.command, self.path, headers, body)
        status, extra, data = self.server.api.handle(request)
        payload = json.dumps(data).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = do_POST = _handle


class ApiServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, api: Api):
        super().__init__(("127.0.0.1", 0), Handler)
        self.api = api
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request, client_address):
        """Clients that time out on purpose hang up."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


def path_of(request: Received) -> str:
    return urlsplit(request.path).path
