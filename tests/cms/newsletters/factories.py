"""Factories and helpers for the newsletter tests."""

from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.newsletters.models import Issue, IssueStatus, Subscriber
from cms.stories.models import StoryPage
from tests.factories import StoryPageFactory
from tests.helpers import section
from translations.models.workflow import ReviewState, TranslationReview

SECTION = "economy"


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@mail.example")
    language = "en"
    confirmed_at = factory.LazyFunction(timezone.now)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    language = "en"
    subject = factory.Sequence(lambda n: f"Issue {n}")
    period_start = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    period_end = factory.LazyFunction(timezone.now)
    items = factory.LazyFunction(list)
    html_body = "<p>archived</p>"
    text_body = "archived"
    status = IssueStatus.SENT
    sent_at = factory.LazyFunction(timezone.now)


def close_period(*languages: str) -> None:
    """A sent issue ending now in each language, so the next digest holds only the
    stories a test publishes from here on (the demo's stories are older)."""
    for language in languages:
        IssueFactory(language=language)


def section_in(language: str):
    return section(SECTION, "vi").get_translation(Locale.objects.get(language_code=language))


def vi_story(**fields) -> StoryPage:
    return StoryPageFactory(parent=section(SECTION, "vi"), **fields)


def reviewed_translation(source: StoryPage, language: str, **fields) -> StoryPage:
    """``source`` translated into ``language`` and published through the review path:
    a wagtail-localize translation whose review a reviewer approved."""
    locale = Locale.objects.get(language_code=language)
    page = source.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    translation_source, _ = TranslationSource.get_or_create_from_instance(source)
    translation = Translation.objects.create(source=translation_source, target_locale=locale)
    TranslationReview.objects.update_or_create(
        translation=translation,
        defaults={
            "state": ReviewState.APPROVED,
            "requested_at": timezone.now(),
            "approved_at": timezone.now(),
        },
    )
    page.refresh_from_db()
    return page


def direct_story(language: str, **fields) -> StoryPage:
    """A story written straight into a translated tree, never reviewed."""
    return StoryPageFactory(parent=section_in(language), **fields)
