"""A tiny oEmbed provider on 127.0.0.1 (a real HTTP server in a thread) for the tests of
video facades: /oembed answers with a video's JSON, /player/<id> is the player page."""

import json
import re
import threading
from contextlib import contextmanager
from copy import deepcopy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.test import override_settings
from wagtail.embeds.finders import get_finders

TITLE = "Ruộng bậc thang <mùa lúa chín>"


class Provider:
    def __init__(self, server: ThreadingHTTPServer):
        self.server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        self.requests: list[str] = []

    def watch_url(self, video_id: str) -> str:
        return f"{self.base}/watch/{video_id}"

    def player_url(self, video_id: str) -> str:
        return f"{self.base}/player/{video_id}"


def _handler(provider_ref: list):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            provider = provider_ref[0]
            provider.requests.append(self.path)
            parts = urlsplit(self.path)
            if parts.path == "/oembed":
                url = parse_qs(parts.query).get("url", [""])[0]
                video_id = url.rsplit("/", 1)[-1]
                body = json.dumps(
                    {
                        "type": "video",
                        "version": "1.0",
                        "title": TITLE,
                        "provider_name": "Local Video",
                        "thumbnail_url": f"{provider.base}/thumb/{video_id}.jpg",
                        "width": 640,
                        "height": 360,
                        "html": (
                            f'<iframe width="640" src="{provider.player_url(video_id)}"'
                            ' onload="alert(1)"></iframe><script>alert(2)</script>'
                        ),
                    }
                ).encode()
                content_type = "application/json"
            elif parts.path.startswith("/player/"):
                body = b"<!doctype html><title>player</title><p id=player>playing</p>"
                content_type = "text/html"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def oembed_provider():
    """The provider, with Wagtail's oEmbed finder pointed at it and the CSP's frame-src
    allowing its players."""
    ref: list = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(ref))
    provider = Provider(server)
    ref.append(provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    finders = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [
                {
                    "endpoint": f"{provider.base}/oembed",
                    "urls": [rf"^{re.escape(provider.base)}/watch/.+$"],
                }
            ],
        }
    ]
    csp = deepcopy(settings.CONTENT_SECURITY_POLICY)
    csp["DIRECTIVES"]["frame-src"] = [*csp["DIRECTIVES"]["frame-src"], provider.base]
    try:
        with override_settings(WAGTAILEMBEDS_FINDERS=finders, CONTENT_SECURITY_POLICY=csp):
            get_finders.cache_clear()
            yield provider
    finally:
        get_finders.cache_clear()
        server.shutdown()
        server.server_close()
