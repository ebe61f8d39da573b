from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from cms.home.models import HomePage
from cms.stories.models import SectionPage, StoryPage
from translations.models import MachineSegment, MemoryEntry


def home(language_code: str) -> HomePage:
    return HomePage.objects.get(locale__language_code=language_code)


def story(slug: str, language_code: str = "vi") -> StoryPage:
    return StoryPage.objects.get(slug=slug, locale__language_code=language_code)


def section(slug: str, language_code: str = "vi") -> SectionPage:
    return SectionPage.objects.get(slug=slug, locale__language_code=language_code)


def locale(language_code: str) -> Locale:
    return Locale.objects.get(language_code=language_code)


def without_demo_work(language_code: str) -> None:
    """Forget what the demo's editions wrote in a language (segment texts, recorded machine
    segments, translation memory), so that a test drafts and measures its own from scratch.
    The demo's published pages stay."""
    target = locale(language_code)
    StringTranslation.objects.filter(locale=target).delete()
    MachineSegment.objects.filter(translation__target_locale=target).delete()
    MemoryEntry.objects.filter(locale=target).delete()
