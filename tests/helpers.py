from wagtail.models import Locale

from cms.home.models import HomePage
from cms.stories.models import SectionPage, StoryPage


def home(language_code: str) -> HomePage:
    return HomePage.objects.get(locale__language_code=language_code)


def story(slug: str, language_code: str = "vi") -> StoryPage:
    return StoryPage.objects.get(slug=slug, locale__language_code=language_code)


def section(slug: str, language_code: str = "vi") -> SectionPage:
    return SectionPage.objects.get(slug=slug, locale__language_code=language_code)


def locale(language_code: str) -> Locale:
    return Locale.objects.get(language_code=language_code)
