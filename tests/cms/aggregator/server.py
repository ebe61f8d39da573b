"""A real HTTP server on 127.0.0.1 that serves programmable routes, for feed tests and
the aggregator benchmark."""

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    etag: str = ""
    endless: bool = False
    redirect_to: str = ""
    calls: int = 0
    request_headers: list = field(default_factory=list)


class Handler(BaseHTTPRequestHandler):
    server: "FeedServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        route = self.server.routes.get(self.path)
        self.server.on_request(self.path)
        if route is None:
            self._send(404, b"not found", {"Content-Type": "text/plain"})
            return
        route.calls += 1
        route.request_headers.append(dict(self.headers))
        if route.delay:
            time.sleep(route.delay)
        if route.redirect_to:
            self._send(
                route.status if route.status in (301, 302, 307, 308) else 302,
                b"",
                {"Location": route.redirect_to},
            )
            return
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            self._send(304, b"", {"ETag": route.etag})
            return
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.endless:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            chunk = b"<item><title>x</title></item>" * 2000
            try:
                while True:
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                return
        self._send(route.status, route.body, headers)

    def _send(self, status: int, body: bytes, headers: dict):
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str = "127.0.0.1"):
        super().__init__((host, 0), Handler)
        self.host = host
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.request_seen = threading.Condition()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request, client_address):
        """Clients that hang up on purpose (timeouts, size caps) are expected."""

    def on_request(self, path: str) -> None:
        with self.request_seen:
            self.requests.append(path)
            self.request_seen.notify_all()

    def wait_for_requests(self, count: int, timeout: float = 30.0) -> bool:
        with self.request_seen:
            return self.request_seen.wait_for(lambda: len(self.requests) >= count, timeout)

    def add(self, path: str, **route) -> str:
        self.routes[path] = Route(**route)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.server_port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
