"""factory_boy factories for pages and users. Pages need a parent: pass ``parent=``."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from cms.galleries.models import GalleryPage
from cms.home.models import HomePage
from cms.stories.models import SectionPage, StoryPage


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        if parent is None:
            raise ValueError("Pages are created under a parent: pass parent=...")
        page = parent.add_child(instance=model_class(*args, **kwargs))
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.live = False
            page.save(update_fields=["live"])
        page.refresh_from_db()
        return page


class SectionPageFactory(PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")


class StoryPageFactory(PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Story {n}")
    standfirst = factory.Faker("sentence")


class GalleryPageFactory(PageFactory):
    class Meta:
        model = GalleryPage

    title = factory.Sequence(lambda n: f"Gallery {n}")


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
