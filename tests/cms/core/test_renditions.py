"""Responsive pictures (AVIF, WebP, JPEG) and renditions made when an image is saved."""

import pytest
from bs4 import BeautifulSoup
from django_tasks.signals import task_enqueued, task_finished
from PIL import features

from cms.core.renditions import PICTURES, all_filter_specs
from cms.core.tasks import generate_renditions_task
from tests.cms.core.media import check_picture, new_image
from tests.factories import StoryPageFactory
from tests.helpers import section

pytestmark = pytest.mark.django_db


def test_this_pillow_writes_avif():
    assert features.check("avif")


def test_saving_an_image_makes_every_rendition_before_any_request(
    django_capture_on_commit_callbacks,
):
    enqueued, finished = [], []

    def on_enqueued(sender, task_result, **kwargs):
        enqueued.append(task_result.task.name)

    def on_finished(sender, task_result, **kwargs):
        finished.append((task_result.task.name, task_result.return_value))

    task_enqueued.connect(on_enqueued)
    task_finished.connect(on_finished)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            image = new_image("rendition-on-upload")
    finally:
        task_enqueued.disconnect(on_enqueued)
        task_finished.disconnect(on_finished)

    name = generate_renditions_task.name
    assert [task for task in enqueued if task == name] == [name]
    assert [result for result in finished if result[0] == name] == [(name, len(all_filter_specs()))]
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(all_filter_specs())
    avif = image.renditions.get(filter_spec="width-800|format-avif")
    with avif.file.open("rb") as file:
        assert file.read(12)[4:12] == b"ftypavif", "a real AVIF file"
    assert (avif.width, avif.height) == (800, 450)


def test_nothing_is_queued_before_the_upload_is_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = new_image("rendition-after-commit", size=(400, 300))
    assert len(callbacks) == 1
    assert not image.renditions.exists()


def test_story_hero_is_eager_and_body_images_lazy(client):
    image = new_image("story-pictures")
    page = StoryPageFactory(
        parent=section("culture"),
        title="Ảnh trong bài",
        hero_image=image,
        hero_alt="Ảnh đầu bài",
        body=[("image", {"image": image, "alt_text": "Ảnh giữa bài", "caption": "", "credit": ""})],
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    hero = check_picture(soup.select_one(".hero picture"), PICTURES["hero"].sizes)
    assert hero["alt"] == "Ảnh đầu bài"
    assert hero["loading"] == "eager" and hero["fetchpriority"] == "high"
    assert (int(hero["width"]), int(hero["height"])) == (480, 270)

    body = check_picture(soup.select_one(".body picture"), PICTURES["body"].sizes)
    assert body["alt"] == "Ảnh giữa bài"
    assert body["loading"] == "lazy" and "fetchpriority" not in body.attrs
    assert "1200w" in body["srcset"]


def test_a_kept_picture_follows_a_new_focal_point_and_a_new_alt(settings):
    """The <picture> is a page-cache fragment named by the image's file, focal point and
    attributes: what changes any of them is never served from an older fragment."""
    from django.core.cache import caches

    from cms.core.renditions import picture_html

    settings.PAGE_FRAGMENT_TIMEOUT = 300
    caches["pages"].clear()
    image = new_image("kept-picture")
    first = picture_html(image, "hero", alt="Hội An")
    assert picture_html(image, "hero", alt="Hội An") == first

    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width, image.focal_point_height = 50, 50
    image.save()
    moved = picture_html(image, "hero", alt="Hội An")
    assert moved != first  # fill crops around the new focal point: new renditions
    assert 'alt="Hoi An"' in picture_html(image, "hero", alt="Hoi An")
    caches["pages"].clear()
