import pytest
from django.urls import reverse

from cms.core.roles import EDITORS, reviewers_group_name, translators_group_name
from tests.factories import UserFactory
from tests.helpers import locale, story
from translations.models import TranslationReview
from translations.operations.drafting import draft_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(installed_models):
    draft_translation(story("coffee-exports"), locale("lo"))
    return TranslationReview.objects.get(translation__target_locale=locale("lo"))


def login(client, group):
    user = UserFactory(groups=[group])
    client.force_login(user)
    return user


def test_request_form_lists_other_languages(client):
    login(client, EDITORS)
    response = client.get(reverse("translations:request", args=[story("coffee-exports").pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Lao" in content or "ລາວ" in content


def test_request_refused_without_a_model(client, settings, tmp_path):
    settings.MT_MODELS_DIR = tmp_path
    login(client, EDITORS)
    response = client.post(
        reverse("translations:request", args=[story("coffee-exports").pk]),
        {"locales": [locale("ja").pk]},
        follow=True,
    )
    assert "No installed model" in response.content.decode()


def test_translators_cannot_request(client):
    login(client, translators_group_name("lo"))
    response = client.get(reverse("translations:request", args=[story("coffee-exports").pk]))
    assert response.status_code in (302, 403)


def test_review_screen_shows_segments_and_failures(client, review):
    login(client, reviewers_group_name("lo"))
    response = client.get(reverse("translations:review", args=[review.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vietnamese coffee" not in content
    assert "Cà phê Việt Nam vươn ra thế giới" in content
    assert "checks failed" in content or "check failed" in content


def test_queue_shows_only_the_users_languages(client, review):
    login(client, translators_group_name("km"))
    assert "coffee" not in client.get(reverse("translations:queue")).content.decode().lower()
    login(client, translators_group_name("lo"))
    assert (
        review.translation.source.get_source_instance().title
        in client.get(reverse("translations:queue")).content.decode()
    )


def test_khmer_translator_cannot_open_a_lao_review(client, review):
    login(client, translators_group_name("km"))
    response = client.get(reverse("translations:review", args=[review.pk]))
    assert response.status_code in (302, 403)


def test_dashboard(client, review):
    login(client, EDITORS)
    response = client.get(reverse("translations:dashboard") + "?language=lo")
    assert response.status_code == 200
    assert "Waiting for post-edit (1)" in response.content.decode()
