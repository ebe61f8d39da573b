"""Factories for the people app's pages. Pass ``parent=`` (an index page)."""

import factory

from cms.people.models import PeopleIndexPage, ProfilePage
from tests.factories import PageFactory


class PeopleIndexPageFactory(PageFactory):
    class Meta:
        model = PeopleIndexPage

    title = factory.Sequence(lambda n: f"People {n}")


class ProfilePageFactory(PageFactory):
    class Meta:
        model = ProfilePage

    title = factory.Sequence(lambda n: f"Person {n}")
    standfirst = factory.Faker("sentence")
    field = "arts"
    birth_date = "1950"
