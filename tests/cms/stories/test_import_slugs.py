"""import_content makes readable slugs (it used to turn "Đà Nẵng" into a-nang)."""

import json

import pytest

from cms.stories.importing import import_file
from cms.stories.models import StoryPage

pytestmark = pytest.mark.django_db


def write(tmp_path, records):
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return path


def test_imported_stories_get_readable_unique_slugs(tmp_path, client):
    records = [
        {"language": "vi", "title": "Đà Nẵng", "section": "culture", "date": "2024-05-01"},
        {"language": "vi", "title": "Đà Nẵng", "section": "culture", "date": "2024-05-02"},
        {"language": "zh-hans", "title": "岘港之夜", "section": "culture", "date": "2024-05-02"},
        {"language": "vi", "title": "Phố cổ", "section": "culture", "key": "Hội An cũ"},
    ]
    report = import_file(write(tmp_path, records))
    assert report.imported == 4, report.skipped
    slugs = set(StoryPage.objects.filter(title="Đà Nẵng").values_list("slug", flat=True))
    assert slugs == {"da-nang", "da-nang-2"}
    assert StoryPage.objects.get(title="岘港之夜").slug == "岘港之夜"
    assert StoryPage.objects.get(title="Phố cổ").slug == "hoi-an-cu"
    response = client.get("/vi/culture/da-nang/")
    assert response.status_code == 200 and "Đà Nẵng" in response.content.decode()
