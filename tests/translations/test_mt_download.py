"""`mt download` and `mt index` against a real HTTP server on 127.0.0.1 serving an
Argos-style index and tiny real packages; after every failure the installed model must
still translate and no partial file may be left behind."""

import hashlib
import io
import json
import re
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper

from tests.translations import modelkit
from translations.engines import download, registry, store
from translations.engines.package_index import load_index
from translations.engines.progress import ProgressBar

SENTENCE = "Hà Nội là thủ đô của Việt Nam."


class PackageHandler(BaseHTTPRequestHandler):
    server: "PackageServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = self.server.files.get(self.path)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        truncate = self.path in self.server.truncated
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        if truncate:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body[: len(body) // 2] if truncate else body)
        if truncate:
            self.wfile.flush()
            self.close_connection = True


class PackageServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), PackageHandler)
        self.files: dict[str, bytes] = {}
        self.truncated: set[str] = set()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_port}{path}"


@pytest.fixture(scope="module")
def server():
    with PackageServer() as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield httpd
        httpd.shutdown()


@pytest.fixture(scope="module")
def newer(tmp_path_factory, sp_bytes) -> dict[str, Path]:
    """vi→en 1.1 copies its input (1.0 permutes it); en→lo 1.0 copies its input."""
    folder = tmp_path_factory.mktemp("index-packages")
    return {
        "vi-en": modelkit.build_argos_package(folder, "vi", "en", sp_bytes, None, "1.1"),
        "en-lo": modelkit.build_argos_package(folder, "en", "lo", sp_bytes, None, "1.0"),
    }


def entry(path: Path, source: str, target: str, version: str, link: str, **extra) -> dict:
    return {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": source,
        "from_name": source,
        "to_code": target,
        "to_name": target,
        "links": [link, "ipfs://QmNotFetched"],
        "code": f"translate-{source}_{target}",
        **extra,
    }


def verified(path: Path) -> dict:
    data = path.read_bytes()
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


@pytest.fixture
def serve(server, newer):
    """serve(vi_en={...overrides}, truncated=False): an index URL listing vi→en 1.1 and
    en→lo 1.0 with relative links, sha256 and size."""

    def publish(truncated: bool = False, **vi_en_extra) -> str:
        server.files.clear()
        server.truncated.clear()
        entries = []
        for key, path in newer.items():
            source, target = key.split("-")
            server.files[f"/files/{path.name}"] = path.read_bytes()
            extra = {**verified(path), **(vi_en_extra if key == "vi-en" else {})}
            entries.append(
                entry(
                    path,
                    source,
                    target,
                    "1.1" if key == "vi-en" else "1.0",
                    f"files/{path.name}",
                    **extra,
                )
            )
            if truncated:
                server.truncated.add(f"/files/{path.name}")
        server.files["/index.json"] = json.dumps(entries).encode()
        return server.url("/index.json")

    return publish


@pytest.fixture
def previous(settings, tmp_path, package_files):
    """vi→en 1.0 installed: it permutes its input."""
    settings.MT_MODELS_DIR = tmp_path / "models"
    store.install(package_files["vi-en"])
    registry.clear_cache()
    return tmp_path / "models"


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("mt", *args, stdout=out, stderr=err)
    except CommandError as error:
        error.output = out.getvalue() + err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def translated(source: str = "vi", target: str = "en") -> str:
    texts, _engines = registry.Registry().translate([SENTENCE], source, target)
    return texts[0]


def assert_previous_works(models: Path, expect, permuted) -> None:
    assert translated() == expect(SENTENCE, permuted)
    assert sorted(p.name for p in models.iterdir()) == ["translate-vi_en-1_0"]


def test_download_replaces_the_old_version_and_says_what_it_checked(
    previous, serve, expect, permuted
):
    output, _ = run("download", "vi", "en", "--index", serve())
    assert "[1/1] translate-vi_en 1.1: downloading (" in output
    assert "checked: length, size, sha256" in output
    assert "\r" not in output  # no progress bar when the output is not a terminal
    assert "removed the older translate-vi_en-1_0" in output
    assert "vi→en  direct" in output
    assert expect(SENTENCE, permuted) != SENTENCE
    assert translated() == SENTENCE  # 1.1 copies its input
    assert sorted(p.name for p in previous.iterdir()) == ["translate-vi_en-1_1"]
    again, _ = run("download", "vi", "en", "--index", serve())
    assert "is installed; skipped" in again


def test_all_fetches_direct_and_pivot_pairs_and_names_the_missing(settings, previous, serve):
    settings.LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("lo", "ລາວ"), ("km", "ខ្មែរ")]
    with pytest.raises(CommandError, match="1 language"):
        run("download", "--all", "--index", serve())
    names = sorted(p.name for p in previous.iterdir())
    assert names == ["translate-en_lo-1_0", "translate-vi_en-1_1"]
    assert translated("vi", "lo") == SENTENCE  # vi→en and en→lo both copy now
    reachable = registry.Registry().reachable()
    assert reachable[("vi", "lo")] == "via en"


def test_all_reports_routes_and_which_pairs_the_index_has(settings, previous, serve):
    settings.LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("km", "ខ្មែរ")]
    with pytest.raises(CommandError) as error:
        run("download", "--all", "--index", serve())
    assert "no package, direct or through English, for vi→km." in error.value.output
    assert "From vi it offers: vi→en" in error.value.output
    assert "Reachable pairs:" in error.value.output


def test_truncated_download_installs_nothing(previous, serve, expect, permuted):
    with pytest.raises(CommandError) as error:
        run("download", "vi", "en", "--index", serve(truncated=True))
    assert "partial file was deleted" in error.value.output
    assert re.search(r"(stopped after|received) \d+", error.value.output)
    assert "Run the command again" in error.value.output
    assert_previous_works(previous, expect, permuted)


def test_length_mismatch_with_the_index_size(previous, serve, expect, permuted, newer):
    wrong_size = newer["vi-en"].stat().st_size + 10
    with pytest.raises(CommandError) as error:
        run("download", "vi", "en", "--index", serve(size=wrong_size, sha256=None))
    assert f"the index says {wrong_size}" in error.value.output
    assert_previous_works(previous, expect, permuted)


def test_checksum_mismatch_deletes_the_file(previous, serve, expect, permuted):
    with pytest.raises(CommandError) as error:
        run("download", "vi", "en", "--index", serve(sha256="0" * 64))
    assert "the index says " + "0" * 64 in error.value.output
    assert "deleted" in error.value.output
    assert_previous_works(previous, expect, permuted)


def test_unreachable_index_says_how_to_use_a_mirror(previous, expect, permuted):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/index.json"
    with pytest.raises(CommandError) as error:
        run("download", "vi", "en", "--index", url)
    message = str(error.value)
    assert url in message and "MT_PACKAGE_INDEX" in message and "folder" in message
    assert_previous_works(previous, expect, permuted)


def test_no_package_for_a_pair_lists_what_the_index_has(previous, serve):
    with pytest.raises(CommandError) as error:
        run("download", "vi", "ja", "--index", serve())
    assert "no vi→ja package" in str(error.value)
    assert "From vi it offers: vi→en" in str(error.value)


def test_interrupted_download_leaves_no_file_and_the_old_model(previous, serve, expect, permuted):
    package = load_index(serve()).best("vi", "en")

    def interrupt(done, total):
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        download.install(package, interrupt)
    assert_previous_works(previous, expect, permuted)


def test_file_index_in_a_folder_with_the_setting(settings, previous, newer, tmp_path, expect):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    shutil.copy(newer["vi-en"], mirror)
    path = newer["vi-en"]
    index = [entry(path, "vi", "en", "1.1", path.name)]  # no sha256, no size
    (mirror / "index.json").write_text(json.dumps(index))
    settings.MT_PACKAGE_INDEX = (mirror / "index.json").as_uri()
    output, _ = run("download", "vi", "en")
    assert "size not given by the index" in output
    assert "The index gives no sha256" in output
    assert translated() == expect(SENTENCE, None)


def test_a_folder_of_packages_without_index(settings, previous, newer, tmp_path):
    mirror = tmp_path / "bare"
    mirror.mkdir()
    for path in newer.values():
        shutil.copy(path, mirror)
    settings.MT_PACKAGE_INDEX = str(mirror)
    listing, _ = run("index")
    assert "en→lo  1.0" in listing and "vi→en  1.1" in listing
    output, _ = run("download", "en", "lo")
    assert "translate-en_lo-1_0" in output
    assert ("en", "lo") in registry.Registry().reachable()


def test_index_lists_and_marks_installed(previous, serve):
    listing, _ = run("index", "--from", "vi", "--index", serve())
    assert "vi→en  1.1  translate-vi_en" in listing
    assert "en→lo" not in listing


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only():
    screen = Terminal()
    bar = ProgressBar(OutputWrapper(screen), width=10, interval=0)
    bar(512 * 1024, 2 * 1024 * 1024)
    bar(2 * 1024 * 1024, 2 * 1024 * 1024)
    bar.finish()
    assert "[##--------] 512.0 KB / 2.0 MB  25%" in screen.getvalue()
    assert screen.getvalue().endswith("[##########] 2.0 MB / 2.0 MB 100%\n")
    pipe = io.StringIO()
    quiet = ProgressBar(OutputWrapper(pipe))
    quiet(1, 2)
    quiet.finish()
    assert pipe.getvalue() == ""
