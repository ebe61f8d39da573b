"""Factories for the clarifications app: watched terms, news items to match, pages."""

import hashlib
from datetime import timedelta

import factory
from django.utils import timezone

from cms.aggregator.models import Cluster, Item, Source
from cms.clarifications.models import (
    ClarificationIndexPage,
    ClarificationPage,
    Rating,
    WatchedTerm,
)
from tests.factories import PageFactory


class WatchedTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchedTerm

    language = "vi"
    term = factory.Sequence(lambda n: f"từ khóa {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Portal {n}")
    url = factory.Sequence(lambda n: f"https://portal{n}.example.vn/rss")


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


class ItemFactory(factory.django.DjangoModelFactory):
    """A stored news item, as the aggregator's ingest leaves it."""

    class Meta:
        model = Item

    source = factory.SubFactory(SourceFactory)
    guid = factory.Sequence(lambda n: f"item-{n}")
    guid_hash = factory.LazyAttribute(lambda item: _sha(item.guid))
    link = factory.LazyAttribute(lambda item: f"https://news.example/{item.guid}")
    content_hash = factory.LazyAttribute(lambda item: _sha(item.title + item.summary))
    title = factory.Sequence(lambda n: f"Headline {n}")
    summary = ""
    language = "vi"
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=2))
    ingested_at = factory.LazyFunction(timezone.now)
    sort_at = factory.LazyAttribute(lambda item: item.published_at or item.ingested_at)
    clustered = True


def cluster_of(*items: Item) -> Cluster:
    cluster = Cluster.objects.create(headline=items[0], size=len(items))
    Item.objects.filter(pk__in=[item.pk for item in items]).update(cluster=cluster)
    return cluster


class ClarificationIndexPageFactory(PageFactory):
    class Meta:
        model = ClarificationIndexPage

    title = factory.Sequence(lambda n: f"Clarifications {n}")


class ClarificationPageFactory(PageFactory):
    class Meta:
        model = ClarificationPage

    title = factory.Sequence(lambda n: f"Clarification {n}")
    standfirst = "The facts in short."
    claim = "A claim as it was reported."
    claim_outlet = "Example Outlet"
    claim_url = "https://outlet.example/claim"
    rating = Rating.FALSE
    facts = "<p>The official facts.</p>"


def index_page(language: str) -> ClarificationIndexPage:
    """The demo listing of ``language`` (vi and en exist after load_demo)."""
    return ClarificationIndexPage.objects.get(locale__language_code=language)
