"""Factories for the press app's pages. Pass ``parent=`` (an index page)."""

import factory

from cms.press.models import PressReleaseIndexPage, PressReleasePage
from tests.factories import PageFactory


class PressReleaseIndexPageFactory(PageFactory):
    class Meta:
        model = PressReleaseIndexPage

    title = factory.Sequence(lambda n: f"Press {n}")


class PressReleasePageFactory(PageFactory):
    class Meta:
        model = PressReleasePage

    title = factory.Sequence(lambda n: f"Release {n}")
    standfirst = factory.Faker("sentence")
