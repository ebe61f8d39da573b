"""LibreTranslate against a real HTTP server on 127.0.0.1."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from translations.engines.base import EngineError
from translations.engines.libretranslate import LibreTranslateEngine


class Handler(BaseHTTPRequestHandler):
    mode = "ok"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.mode == "slow":
            time.sleep(2)
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        answer = {"translatedText": [text.upper() for text in body["q"]]}
        if self.mode == "short":
            answer["translatedText"] = answer["translatedText"][:1]
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """The timeout test hangs up on purpose; the broken pipe is expected."""


@pytest.fixture
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    Handler.mode = "ok"


def engine(server, timeout=5.0):
    return LibreTranslateEngine(
        f"http://127.0.0.1:{server.server_port}", timeout=timeout, languages=["vi", "en"]
    )


def test_translates(server):
    assert engine(server).translate(["xin chào", "hà nội"], "vi", "en") == ["XIN CHÀO", "HÀ NỘI"]


@pytest.mark.parametrize(("mode", "message"), [("error", "500"), ("short", "malformed")])
def test_bad_answers(server, mode, message):
    Handler.mode = mode
    with pytest.raises(EngineError, match=message):
        engine(server).translate(["a", "b"], "vi", "en")


def test_timeout(server):
    Handler.mode = "slow"
    started = time.monotonic()
    with pytest.raises(EngineError, match="timed out"):
        engine(server, timeout=0.5).translate(["a"], "vi", "en")
    assert time.monotonic() - started < 1.8


def test_registry_uses_it_only_when_configured(settings, server):
    from translations.engines.registry import Registry

    settings.MT_MODELS_DIR = settings.MT_MODELS_DIR / "empty-for-libretranslate"
    assert not Registry().can_translate("vi", "en")
    settings.MT_LIBRETRANSLATE_URL = f"http://127.0.0.1:{server.server_port}"
    settings.MT_LIBRETRANSLATE_LANGUAGES = ["vi", "en"]
    assert Registry().translate(["chào"], "vi", "en") == (["CHÀO"], "libretranslate")
