"""Factories for border-gate displays."""

import factory
from wagtail.models import Locale

from cms.displays.models import Display


class DisplayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Display
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Gate {n}")
    slug = factory.Sequence(lambda n: f"gate-{n}")

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            codes = extracted or ["vi", "zh-hans"]
            self.languages.set(Locale.objects.filter(language_code__in=codes))

    @factory.post_generation
    def sections(self, create, extracted, **kwargs):
        if create and extracted:
            self.sections.set(extracted)
