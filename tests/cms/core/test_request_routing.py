"""Request ids and JSON log lines, the read-replica router, and the frontend-cache purge
configured from the environment (against a real HTTP server on 127.0.0.1)."""

import io
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.models import Page

from cms.core import db_router
from cms.core.logging import JsonFormatter, RequestIdFilter
from cms.core.middleware import RequestIdMiddleware
from cms.settings.deploy import email, frontend_cache, media_storage
from tests.helpers import story


def test_request_id_is_taken_when_sane_and_logged_as_json():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("cms.test.request")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def view(request):
        logger.info("inside the view")
        return HttpResponse("ok")

    middleware = RequestIdMiddleware(view)
    try:
        given = middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID="abc123-from-nginx"))
        hostile = middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID="x\n{evil} " * 10))
    finally:
        logger.removeHandler(handler)
    assert given["X-Request-ID"] == "abc123-from-nginx"
    assert len(hostile["X-Request-ID"]) == 32 and "evil" not in hostile["X-Request-ID"]
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[0]["message"] == "inside the view"
    assert lines[0]["request_id"] == "abc123-from-nginx"
    assert lines[1]["request_id"] == hostile["X-Request-ID"]


@pytest.mark.parametrize(
    ("method", "path", "cookies", "expected"),
    [
        ("GET", "/en/", {}, True),
        ("HEAD", "/en/culture/", {}, True),
        ("POST", "/en/", {}, False),
        ("GET", "/admin/pages/", {}, False),
        ("GET", "/django-admin/", {}, False),
        ("GET", "/en/", {"sessionid": "abc"}, False),
    ],
)
def test_only_anonymous_public_reads_go_to_the_replica(method, path, cookies, expected):
    request = getattr(RequestFactory(), method.lower())(path)
    request.COOKIES.update(cookies)
    seen = {}

    def view(request):
        router = db_router.PublicReadReplicaRouter()
        with override_settings(DATABASES={"default": {}, "replica": {}}):
            seen["read"] = router.db_for_read(Page)
        seen["write"] = router.db_for_write(Page)
        return HttpResponse()

    db_router.ReplicaRoutingMiddleware(view)(request)
    assert seen["read"] == ("replica" if expected else None)
    assert seen["write"] == "default"
    # Outside a request (workers, commands) nothing goes to the replica.
    assert db_router.PublicReadReplicaRouter().db_for_read(Page) is None


def test_without_a_replica_reads_stay_on_the_primary():
    request = RequestFactory().get("/en/")
    seen = {}

    def view(request):
        seen["read"] = db_router.PublicReadReplicaRouter().db_for_read(Page)
        return HttpResponse()

    db_router.ReplicaRoutingMiddleware(view)(request)
    assert seen["read"] is None


class PurgeRecorder(BaseHTTPRequestHandler):
    purged: list = []

    def do_PURGE(self):
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.django_db
def test_publishing_purges_the_page_from_the_http_cache():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    PurgeRecorder.purged = []
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with override_settings(WAGTAILFRONTENDCACHE=frontend_cache({"FRONTEND_CACHE_URL": url})):
            page = story("hue-monuments", "en")
            page.save_revision().publish()
    finally:
        server.shutdown()
    assert page.url in [path for _host, path in PurgeRecorder.purged]


def test_environment_parsing():
    parsed = email({"EMAIL_URL": "smtp://u%40x:p%3Ass@mail.example:587?tls=1"}, "x")
    assert {key: parsed[key] for key in ("EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER")} == {
        "EMAIL_HOST": "mail.example",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "u@x",
    }
    assert (parsed["EMAIL_HOST_PASSWORD"], parsed["EMAIL_USE_TLS"]) == ("p:ss", True)
    parsed = email({"EMAIL_URL": "smtps://mail.example", "DEFAULT_FROM_EMAIL": "a@b.c"}, "x")
    assert (parsed["EMAIL_PORT"], parsed["EMAIL_USE_SSL"], parsed["DEFAULT_FROM_EMAIL"]) == (
        465,
        True,
        "a@b.c",
    )
    assert email({}, "console")["EMAIL_BACKEND"] == "console"
    s3 = media_storage(
        {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example",
        }
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["OPTIONS"]["endpoint_url"] == "https://s3.example"
    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        media_storage({"MEDIA_STORAGE": "s3"})
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email({"EMAIL_URL": "http://mail"}, "x")
