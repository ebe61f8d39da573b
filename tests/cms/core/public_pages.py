"""One live English page of every public page type, for header and browser checks."""

from cms.aggregator.models.pages import FeedIndexPage
from cms.galleries.models import GalleryPage
from cms.home.models import HomePage
from cms.provinces.models import ProvinceIndexPage, ProvincePage
from cms.stories.models import SectionPage, StoryPage

PAGE_TYPES = [
    HomePage,
    SectionPage,
    StoryPage,
    GalleryPage,
    ProvinceIndexPage,
    ProvincePage,
    FeedIndexPage,
]


def public_page_urls(language_code: str = "en") -> dict[str, str]:
    """{page type: path} for each type, plus the search page with a query."""
    urls = {}
    for model in PAGE_TYPES:
        page = model.objects.live().filter(locale__language_code=language_code).first()
        assert page is not None, f"no live {model.__name__} in {language_code}"
        urls[model.__name__] = page.url
    urls["search"] = f"/{language_code}/search/?q=Hue"
    return urls
