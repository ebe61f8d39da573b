"""Factories for the measurement tests: aggregate page-view rows, news sources and items."""

import factory
from django.utils import timezone

from cms.aggregator.dedupe import sha1
from cms.aggregator.models import Item, Source
from cms.measurement.models import PageView


class PageViewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PageView

    day = factory.LazyFunction(lambda: timezone.now().date())
    language = "vi"
    path = factory.Sequence(lambda n: f"/vi/trang-{n}/")
    views = 1


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Cổng tin {n}")
    url = factory.Sequence(lambda n: f"https://portal{n}.example.invalid/rss")


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    source = factory.SubFactory(SourceFactory)
    guid = factory.Sequence(lambda n: f"item-{n}")
    guid_hash = factory.LazyAttribute(lambda item: sha1(item.guid))
    content_hash = factory.LazyAttribute(lambda item: sha1("content " + item.guid))
    title = factory.Sequence(lambda n: f"Tin {n}")
    language = "vi"
    ingested_at = factory.LazyFunction(timezone.now)
    sort_at = factory.LazyAttribute(lambda item: item.ingested_at)
