"""The README's nginx configuration, run for real: nginx on a free 127.0.0.1 port in front
of gunicorn (production settings, the test database) serves an uploaded file from
MEDIA_ROOT, a static file from STATIC_ROOT, and passes the rest to Django."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

NGINX = shutil.which("nginx") or shutil.which("/usr/sbin/nginx")
GUNICORN = Path(sys.executable).with_name("gunicorn")
SECRET_KEY = "n7Hq2-Lw9Xc4Vb8Nm1Zs6Dk3Fp0Gj5Ta2Yr7Ue4Io9Pl3Km8Wq6Ex1Rc5Tv0Bn"

pytestmark = pytest.mark.skipif(
    NGINX is None,
    reason="nginx is not installed (make test installs it as root: apt-get install nginx-light)",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def readme_nginx_config() -> str:
    readme = (settings.BASE_DIR / "README.md").read_text()
    blocks = re.findall(r"```nginx\n(.*?)```", readme, re.S)
    assert len(blocks) == 1, "README.md should hold one nginx block"
    return blocks[0]


def substitute(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) == count, f"README's nginx block changed: {old!r}"
    return text.replace(old, new)


def local_config(
    tmp: Path, https_port: int, http_port: int, app_port: int, static: Path, media: Path
) -> str:
    """The README's server blocks on local ports, without certificates, in a standalone
    nginx.conf whose state lives in tmp."""
    servers = readme_nginx_config()
    servers = substitute(servers, "listen 443 ssl;", f"listen 127.0.0.1:{https_port};")
    servers = substitute(servers, "listen 80;", f"listen 127.0.0.1:{http_port};")
    servers = substitute(servers, "server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
    servers = substitute(servers, "/srv/vnip/static/", f"{static}/")
    servers = substitute(servers, "/srv/vnip/media/", f"{media}/")
    servers = "\n".join(line for line in servers.splitlines() if "ssl_certificate" not in line)
    temp = "\n".join(
        f"    {kind}_temp_path {tmp}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    access_log off;\n{temp}\n{servers}\n}}\n"
    )


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(port: int, process: subprocess.Popen, name: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} exited: {process.stderr.read() if process.stderr else ''}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"{name} did not listen on {port}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, headers: dict | None = None):
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def stack(tmp_path, django_db_blocker):
    static = tmp_path / "static"
    media = tmp_path / "media"
    for folder in (static, media, tmp_path / "nginx"):
        folder.mkdir()
    app_port, https_port, http_port = free_port(), free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_REPLICA_URL")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(media),
        "STATIC_ROOT": str(static),
        "LOG_FORMAT": "json",
    }
    app = subprocess.Popen(
        [str(GUNICORN), "cms.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{app_port}"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    config = tmp_path / "nginx" / "nginx.conf"
    config.write_text(
        local_config(tmp_path / "nginx", https_port, http_port, app_port, static, media)
    )
    checked = subprocess.run([NGINX, "-t", "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    proxy = subprocess.Popen(
        [NGINX, "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(app_port, app, "gunicorn")
        wait_for(https_port, proxy, "nginx")
        yield {
            "https": f"http://127.0.0.1:{https_port}",
            "http": f"http://127.0.0.1:{http_port}",
            "static": static,
            "media": media,
        }
    finally:
        for process in (proxy, app):
            process.terminate()
            process.wait(timeout=30)


@pytest.mark.django_db
def test_nginx_serves_media_and_static_and_proxies_the_rest(stack):
    upload = stack["media"] / "original_images" / "ha-long.png"
    upload.parent.mkdir()
    upload.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    status, headers, body = fetch(stack["https"] + "/media/original_images/ha-long.png")
    assert status == 200
    assert body == upload.read_bytes()
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]

    assert fetch(stack["https"] + "/media/original_images/missing.png")[0] == 404

    css = stack["static"] / "css" / "site.0123abcd.css"
    css.parent.mkdir()
    css.write_text("body { color: #123; }")
    status, headers, body = fetch(stack["https"] + "/static/css/site.0123abcd.css")
    assert (status, body) == (200, b"body { color: #123; }")
    assert "immutable" in headers["Cache-Control"]

    # Django behind the proxy: /healthz answers, and the port-80 block redirects to HTTPS.
    status, headers, body = fetch(stack["http"] + "/healthz")
    assert status == 200, body
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])  # nginx's $request_id
    status, headers, _body = fetch(stack["http"] + "/en/")
    assert status == 301
    assert headers["Location"] == "https://127.0.0.1/en/"
    assert "Strict-Transport-Security" not in headers  # only sent over HTTPS
