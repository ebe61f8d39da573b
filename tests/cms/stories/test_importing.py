import json
from io import StringIO

import pytest
from django.core.management import call_command

from cms.stories.models import StoryPage

pytestmark = pytest.mark.django_db

LINES = [
    {
        "language": "vi",
        "title": "Lễ hội chùa Hương",
        "standfirst": "Lễ hội lớn.",
        "body": "<p>Mùa xuân <script>x()</script>hành hương.</p>",
        "date": "2024-02-15",
        "section": "culture",
        "province": "hanoi",
        "topics": ["traditions"],
        "key": "huong",
    },
    {
        "language": "en",
        "title": "Huong Pagoda festival",
        "body": "<p>Pilgrimage.</p>",
        "date": "2024-02-15T08:00:00+07:00",
        "section": "culture",
        "key": "huong",
    },
    {"language": "xx", "title": "t", "section": "culture"},
    {"language": "vi", "title": "t", "section": "nope"},
    {"language": "vi", "section": "culture"},
    {"language": "vi", "title": "t", "section": "culture", "province": "atlantis"},
    {"language": "vi", "title": "t", "section": "culture", "date": "31/31/2020"},
]


def run(path) -> str:
    out = StringIO()
    call_command("import_content", str(path), stdout=out)
    return out.getvalue()


def test_import_reports_what_it_skipped_and_why(tmp_path, client):
    path = tmp_path / "archive.jsonl"
    path.write_text(
        "\n".join(
            line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
            for line in LINES
        )
    )
    output = run(path)
    assert "Imported 2 stories; skipped 5." in output
    for reason in (
        "unknown language 'xx'",
        "no section 'nope'",
        "line 5: no title",
        "unknown province",
        "unreadable date",
    ):
        assert reason in output
    vi = StoryPage.objects.get(title="Lễ hội chùa Hương")
    en = StoryPage.objects.get(title="Huong Pagoda festival")
    assert vi.translation_key == en.translation_key, "the key links the translations"
    assert vi.live and "script" not in json.dumps(list(vi.body.raw_data))
    assert vi.province.code == "hanoi" and vi.date_published.year == 2024
    found = client.get("/vi/search/", {"q": "chùa Hương"}).content.decode()
    assert "Lễ hội <mark>chùa</mark> <mark>Hương</mark>" in found
    assert "already imported" in run(path)
