"""The admin: who may queue posts, the queue form, failures and the retry button,
channels with masked tokens."""

import pytest
from django.urls import reverse

from cms.core.roles import EDITORS, reviewers_group_name, translators_group_name
from cms.social.models import Channel, ChannelKind, Post, PostStatus
from tests.factories import UserFactory

from .conftest import TOKEN, demo_story
from .factories import ChannelFactory


@pytest.fixture
def lao_reviewer(db):
    return UserFactory(groups=[reviewers_group_name("lo")])


def queue_url(page) -> str:
    return reverse("social_queue", args=[page.pk])


def test_reviewer_queues_an_edited_post_to_channels_of_the_language(
    client, lao_reviewer, lao_story, telegram
):
    lao = ChannelFactory(name="Lao Telegram", api_base=telegram.url, token=TOKEN)
    ChannelFactory(name="Khmer Telegram", language="km")
    client.force_login(lao_reviewer)

    form = client.get(queue_url(lao_story)).content.decode()
    assert "Lao Telegram" in form and "Khmer Telegram" not in form
    assert lao_story.title in form and lao_story.full_url in form  # the proposed text

    response = client.post(
        queue_url(lao_story), {"channels": [lao.pk], "text": "ຂໍ້ຄວາມ ແກ້ໄຂ\nhttps://x.test/"}
    )
    assert response.status_code == 302
    post = Post.objects.get(page=lao_story)
    assert post.text == "ຂໍ້ຄວາມ ແກ້ໄຂ\nhttps://x.test/" and post.queued_by == lao_reviewer
    assert post.status == PostStatus.SENT and post.url == "https://t.me/vnip_lo/101"
    assert telegram.api.received[0].json()["text"] == post.text  # without the image

    listing = client.get(response.url).content.decode()
    assert "https://t.me/vnip_lo/101" in listing


@pytest.mark.parametrize(
    "groups", [[reviewers_group_name("km")], [translators_group_name("lo")], [EDITORS]]
)
def test_users_without_rights_on_the_language_tree_cannot_queue(client, db, lao_story, groups):
    channel = ChannelFactory()
    client.force_login(UserFactory(groups=groups))

    refused = reverse("wagtailadmin_home")  # Wagtail's answer to PermissionDenied
    assert client.get(queue_url(lao_story)).url == refused
    response = client.post(queue_url(lao_story), {"channels": [channel.pk], "text": "x"})
    assert response.url == refused
    assert not Post.objects.exists()


def test_editor_posts_in_the_source_language(client, db):
    story = demo_story("vi")
    ChannelFactory(name="Vietnamese Page", language="vi")
    client.force_login(UserFactory(groups=[EDITORS]))
    assert "Vietnamese Page" in client.get(queue_url(story)).content.decode()


def test_a_channel_of_another_language_is_refused(client, lao_reviewer, lao_story):
    khmer = ChannelFactory(language="km")
    client.force_login(lao_reviewer)
    response = client.post(queue_url(lao_story), {"channels": [khmer.pk], "text": "x"})
    assert response.status_code == 400
    assert not Post.objects.exists()


def test_failure_shows_in_the_admin_and_retry_sends_it(client, lao_reviewer, lao_story, facebook):
    channel = ChannelFactory(
        kind=ChannelKind.FACEBOOK,
        api_base=f"{facebook.url}/v21.0",
        token="expired-token",
        target="5550001",
    )
    client.force_login(lao_reviewer)
    client.post(queue_url(lao_story), {"channels": [channel.pk], "text": "ຂ່າວ"})
    post = Post.objects.get()
    assert post.status == PostStatus.FAILED and len(facebook.api.received) == 1

    listing = client.get(reverse("social_posts"), {"status": "failed"}).content.decode()
    assert "Failed" in listing
    assert "HTTP 400: Invalid OAuth access token - Cannot parse access token" in listing
    assert reverse("social_retry", args=[post.pk]) in listing

    Channel.objects.filter(pk=channel.pk).update(token="facebook-secret-token")
    client.post(reverse("social_retry", args=[post.pk]))
    post.refresh_from_db()
    assert post.status == PostStatus.SENT and post.attempts == 1
    assert post.url.startswith("https://www.facebook.com/5550001_")
    assert len(facebook.api.received) == 2


def test_posts_of_other_languages_are_hidden_and_not_retried(client, db, lao_story):
    channel = ChannelFactory()
    post = Post.objects.create(
        channel=channel, page=lao_story, language="lo", text="ຂ່າວ", status=PostStatus.FAILED,
        last_error="HTTP 400: chat not found",
    )  # fmt: skip
    client.force_login(UserFactory(groups=[reviewers_group_name("km")]))
    listing = client.get(reverse("social_posts")).content.decode()
    assert "chat not found" not in listing
    response = client.post(reverse("social_retry", args=[post.pk]))
    assert response.url == reverse("wagtailadmin_home")  # refused
    post.refresh_from_db()
    assert post.status == PostStatus.FAILED


def test_bad_listing_parameters(client, lao_reviewer):
    client.force_login(lao_reviewer)
    assert client.get(reverse("social_posts"), {"status": "nonsense"}).status_code == 200
    assert client.get(reverse("social_posts"), {"page_id": "x\x00"}).status_code == 400


def test_channel_token_is_written_but_never_shown(client, db):
    channel = ChannelFactory(token="123456:very-secret-token-abcd")
    client.force_login(UserFactory(is_superuser=True))

    listing = client.get(reverse("social_channel:index")).content.decode()
    edit_url = reverse("social_channel:edit", args=[channel.pk])
    edit = client.get(edit_url).content.decode()
    for html in (listing, edit):
        assert "very-secret" not in html and "••••••••abcd" in html

    data = {"kind": "telegram", "language": "lo", "name": "Renamed", "api_base": "",
            "token": "", "target": "@vnip_lo", "active": "on"}  # fmt: skip
    assert client.post(edit_url, data).status_code == 302
    channel.refresh_from_db()
    assert channel.name == "Renamed" and channel.token == "123456:very-secret-token-abcd"


def test_story_header_offers_posting(client, lao_reviewer, lao_story):
    client.force_login(lao_reviewer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[lao_story.pk])).content.decode()
    assert queue_url(lao_story) in html
