"""import_content refuses a hostile file whole, in one line, and writes nothing."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from cms.search.jsonlines import MAX_DEPTH
from cms.search.models import SearchDocument
from cms.stories.models import StoryPage

pytestmark = pytest.mark.django_db

GOOD = {"language": "vi", "title": "Chợ nổi Cái Răng", "section": "culture", "key": "cai-rang"}
GOOD_LINE = json.dumps(GOOD, ensure_ascii=False).encode()


def record(**fields) -> bytes:
    return json.dumps({**GOOD, "key": "", **fields}, ensure_ascii=False).encode()


# (name, the bad line, words the one-line message must hold). The bad line comes after a
# good record, so a refusal proves that nothing was written before the file was checked.
HOSTILE = [
    ("deep array", b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested deeper"),
    ("deep object", b'{"a": ' * 5_000 + b"1" + b"}" * 5_000, "nested deeper"),
    ("deep, unclosed", b"[" * 1_000_000, "nested deeper"),
    ("huge integer", record(title=None).replace(b"null", b"9" * 5_000), "out of range"),
    ("integer past 64 bits", b'{"title": "x", "n": 9223372036854775808}', "out of range"),
    ("float overflow", b'{"title": "x", "n": 1e999}', "out of range"),
    ("NaN", b'{"title": "x", "n": NaN}', "NaN is not a number"),
    ("Infinity", b'{"title": "x", "n": -Infinity}', "not a number"),
    ("raw NUL byte", b'{"title": "a\x00b", "language": "vi"}', "NUL byte"),
    ("escaped NUL", b'{"title": "a\\u0000b", "language": "vi"}', "NUL character"),
    ("lone surrogate", b'{"title": "a\\ud800b"}', "unpaired surrogate"),
    ("invalid UTF-8", b'{"title": "caf\xe9"}', "not valid UTF-8"),
    ("overlong UTF-8", b'{"title": "\xc0\xaf"}', "not valid UTF-8"),
    ("truncated", GOOD_LINE[:-10], "JSON cut short"),
    ("truncated string", b'{"title": "Ch', "JSON cut short"),
    ("garbage", b"<html>not json</html>", "not valid JSON"),
    ("array at top", b'[{"title": "x"}]', "expected a JSON object, found an array"),
    ("string at top", b'"title"', "found a string"),
    ("number at top", b"42", "found a number"),
    ("null at top", b"null", "found null"),
]


def counts() -> tuple[int, int, int, int]:
    return (
        Page.objects.count(),
        StoryPage.objects.count(),
        Revision.objects.count(),
        SearchDocument.objects.count(),
    )


def run(path, **options) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_content", str(path), stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.mark.parametrize(("name", "line", "words"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_file_is_refused_whole_in_one_line(tmp_path, name, line, words):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(GOOD_LINE + b"\n" + line + b"\n" + GOOD_LINE.replace(b"cai-rang", b"b"))
    before = counts()
    with pytest.raises(CommandError) as raised:
        run(path)
    message = str(raised.value)
    assert "\n" not in message and len(message) < 300, message
    assert "line 2:" in message and words in message and "nothing imported" in message
    assert counts() == before
    assert not StoryPage.objects.filter(title="Chợ nổi Cái Răng").exists()


def test_depth_limit_itself_is_accepted(tmp_path):
    nested = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    path = tmp_path / "archive.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False)[:-1] + f', "extra": {nested}}}')
    assert "Imported 1 stories; skipped 0." in run(path)


@pytest.mark.parametrize(
    "content",
    [b"\xef\xbb\xbf" + GOOD_LINE + b"\r\n", b"\n\n" + GOOD_LINE + b"\n  \n"],
    ids=["byte-order mark and CRLF", "blank lines"],
)
def test_harmless_variations_import(tmp_path, content):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(content)
    assert "Imported 1 stories; skipped 0." in run(path)
    assert StoryPage.objects.get(title="Chợ nổi Cái Răng").live


def test_bad_records_among_good_ones_are_reported_by_line_key_and_title(tmp_path):
    lines = [
        GOOD_LINE,
        record(title="Bài không có chuyên mục", section="nope", key="no-section"),
        record(title=["a", "list"], key="list-title"),
        record(title="Ngày xa", date="0001-01-01", key="year-one"),
        record(title="Ngày xa nữa", date="9999-12-31T23:59:59+14:00", key="year-9999"),
        record(title="Chủ đề", topics="heritage", key="topics-string"),
        record(title="Khóa dài", key="k" * 500),
        record(title="Bài\x07 có ký tự điều khiển", key="bell"),
        record(title="Hội An về đêm", key="hoi-an"),
    ]
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"\n".join(lines))
    before = StoryPage.objects.count()
    output = run(path)
    assert "Imported 3 stories; skipped 6." in output
    for expected in (
        "line 2 (key 'no-section', “Bài không có chuyên mục”): no section 'nope'",
        "line 3 (key 'list-title'): title must be text, not list",
        "line 4 (key 'year-one', “Ngày xa”): date '0001-01-01' is outside 1900-2100",
        "line 5 (key 'year-9999', “Ngày xa nữa”): date",
        "line 6 (key 'topics-string', “Chủ đề”): topics must be a list of slugs",
        "line 7 (key 'kkkk",
        "key longer than 200 characters",
    ):
        assert expected in output, output
    assert StoryPage.objects.count() == before + 3
    assert set(
        StoryPage.objects.filter(
            title__in=["Hội An về đêm", "Bài  có ký tự điều khiển"]
        ).values_list("title", flat=True)
    ) == {"Hội An về đêm", "Bài  có ký tự điều khiển"}, "control characters become spaces"


def test_missing_and_unreadable_paths_are_one_line_errors(tmp_path):
    with pytest.raises(CommandError, match="No file at"):
        run(tmp_path / "absent.jsonl")
    with pytest.raises(CommandError, match="No file at"):
        run(tmp_path)
