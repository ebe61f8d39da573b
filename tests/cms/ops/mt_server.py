"""A LibreTranslate-compatible HTTP server on 127.0.0.1 whose answers can be slow, so a
worker can be killed in the middle of a machine-translation job."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    server: "SlowTranslator"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        payload = json.loads(self.rfile.read(length))
        with self.server.seen:
            self.server.requests += 1
            self.server.seen.notify_all()
        time.sleep(self.server.delay)
        body = json.dumps(
            {"translatedText": [f"[{payload['target']}] {text}" for text in payload["q"]]}
        ).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class SlowTranslator(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay: float = 0.0):
        super().__init__(("127.0.0.1", 0), Handler)
        self.delay = delay
        self.requests = 0
        self.seen = threading.Condition()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"

    def wait_for_requests(self, count: int, timeout: float = 30.0) -> bool:
        with self.seen:
            return self.seen.wait_for(lambda: self.requests >= count, timeout)

    def handle_error(self, request, client_address):
        """A worker killed mid-request hangs up; that is the point."""

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
