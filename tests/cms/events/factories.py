"""Factories for the events app's pages. Pass ``parent=`` (an index page)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import factory

from cms.events.models import EventIndexPage, EventPage
from tests.factories import PageFactory


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = factory.Sequence(lambda n: f"Events {n}")


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    standfirst = factory.Faker("sentence")
    start = datetime(2030, 5, 1, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    end = datetime(2030, 5, 1, 17, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    time_zone = "Asia/Ho_Chi_Minh"
    place_name = "Hà Nội"
