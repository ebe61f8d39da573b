"""Videos uploaded to the site: played only on request, with captions per language, and
uploads checked for their type, size and content."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from cms.core import videos
from cms.core.models import Video, VideoCaptions
from tests.cms.core.media import new_image
from tests.factories import StoryPageFactory, UserFactory
from tests.helpers import section

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(64)
VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\n{}\n".format


def make_video() -> Video:
    video = Video(title="Chợ nổi Cái Răng", poster=new_image("video-poster", size=(1280, 720)))
    video.file.save("cai-rang.mp4", ContentFile(MP4), save=False)
    video.save()
    for code, text in [("vi", "Chào buổi sáng"), ("en", "Good morning")]:
        captions = VideoCaptions(video=video, language=code)
        captions.file.save(f"cai-rang-{code}.vtt", ContentFile(VTT(text).encode()), save=False)
        captions.save()
    return video


def test_hosted_video_plays_on_request_with_captions_per_language(client):
    video = make_video()
    page = StoryPageFactory(
        parent=section("culture"),
        body=[("hosted_video", {"video": video, "caption": "Chợ nổi", "credit": ""})],
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    element = soup.select_one(".video video")
    assert element.has_attr("controls") and element["preload"] == "metadata"
    assert not element.has_attr("autoplay") and not element.has_attr("muted")
    assert element["poster"].startswith("/media/") and element["poster"].endswith(".jpg")
    assert (element["width"], element["height"]) == ("1200", "675")
    assert element.source["src"] == video.file.url
    tracks = element.find_all("track")
    assert [(t["kind"], t["srclang"]) for t in tracks] == [("captions", "vi"), ("captions", "en")]
    assert [t.has_attr("default") for t in tracks] == [True, False], "the page's language"
    with video.captions.get(language="en").file.open("rb") as file:
        assert file.read().startswith(b"WEBVTT")


def upload(client, video_name, video_bytes, vtt_name, vtt_bytes):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_core_video:add")
    data = querydict_from_html(client.get(url).content.decode(), form_id=None).copy()
    data["title"] = "Tải lên"
    data["captions-TOTAL_FORMS"] = "1"
    data["captions-0-language"] = "vi"
    data["captions-0-ORDER"] = "1"
    data["captions-0-DELETE"] = ""
    data["captions-0-id"] = ""
    return client.post(
        url,
        {
            **data.dict(),
            "file": SimpleUploadedFile(video_name, video_bytes),
            "captions-0-file": SimpleUploadedFile(vtt_name, vtt_bytes),
        },
    )


@pytest.mark.parametrize(
    ("video_name", "video_bytes", "vtt_name", "vtt_bytes", "message"),
    [
        ("clip.avi", MP4, "vi.vtt", VTT("Chào").encode(), "Upload an MP4 or WebM video file."),
        ("clip.mp4", b"<html>not a video", "vi.vtt", VTT("Chào").encode(), "not an MP4 or WebM"),
        ("clip.mp4", MP4, "vi.srt", b"1\n00:00:00,000 --> 00:00:02,000\nChao\n", "WebVTT (.vtt)"),
        ("clip.mp4", MP4, "vi.vtt", b"1\nChao\n", "A WebVTT file starts with the line WEBVTT."),
    ],
)
def test_upload_of_the_wrong_file_is_refused_with_the_reason(
    client, video_name, video_bytes, vtt_name, vtt_bytes, message
):
    response = upload(client, video_name, video_bytes, vtt_name, vtt_bytes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Video.objects.filter(title="Tải lên").exists()


def test_upload_larger_than_the_limit_is_refused(client, monkeypatch):
    monkeypatch.setattr(videos, "VIDEO_MAX_BYTES", 50)
    response = upload(client, "clip.mp4", MP4, "vi.vtt", VTT("Chào").encode())
    assert response.status_code == 200
    assert "the largest allowed is 50" in response.content.decode()


def test_upload_of_a_video_with_captions(client):
    response = upload(client, "clip.mp4", MP4, "vi.vtt", VTT("Chào").encode())
    assert response.status_code == 302, response.content.decode()[:3000]
    video = Video.objects.get(title="Tải lên")
    assert video.file.name.endswith(".mp4")
    assert list(video.captions.values_list("language", flat=True)) == ["vi"]
