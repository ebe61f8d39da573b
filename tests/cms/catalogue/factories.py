"""Pages for catalogue tests: a topic of their own, so that a filter finds exactly them."""

import factory

from cms.taxonomy.models import Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"catalogue-topic-{n}")
    name = factory.LazyAttribute(lambda topic: topic.slug)
