"""RSS 2.0 and Atom feeds of one language's stories and galleries: all of them, one
section's, or one province's. Each entry carries the full body (sanitised, see
``content.body_html``), the lead image (an enclosure and ``media:content``), the author,
the licence and, for a machine-drafted translation, the label saying so.

A ``Feed`` instance is shared by every request: what belongs to one request travels in
the ``Scope`` that ``get_object`` returns and in each ``Entry``.
"""

from dataclasses import dataclass
from heapq import nlargest

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Enclosure
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cms.galleries.models import GalleryPage
from cms.home.models import HomePage
from cms.provinces.models import ProvincePage
from cms.stories.models import SectionPage, StoryPage
from cms.taxonomy.models import Province

from . import conf, content
from .feedgen import MediaAtomFeed, MediaRssFeed


@dataclass
class Scope:
    request: object
    home: HomePage
    title: str
    link_page: Page
    section: SectionPage | None = None
    province: Province | None = None


@dataclass(frozen=True)
class Entry:
    page: Page
    link: str
    html: str
    image: content.ImageLink | None
    image_length: int
    machine_translated: bool
    categories: tuple[str, ...]


def _locale_home(language: str) -> HomePage:
    locale = Locale.objects.filter(language_code=language).first()
    home = locale and HomePage.objects.live().public().filter(locale=locale).first()
    if not home:
        raise Http404(_("This language has no feed."))
    return home


def _latest(home: HomePage, section=None, province=None) -> list[Page]:
    """The newest stories and galleries of ``home``'s language, newest first."""
    size = conf.get("SYNDICATION_FEED_SIZE")
    stories = StoryPage.objects.live().public().filter(locale_id=home.locale_id)
    galleries = GalleryPage.objects.live().public().filter(locale_id=home.locale_id)
    if section is not None:
        stories, galleries = stories.child_of(section), galleries.child_of(section)
    if province is not None:
        stories = stories.filter(province=province)
        galleries = galleries.filter(province=province)
    stories = stories.select_related("hero_image", "province").prefetch_related("topics")
    both = [
        *stories.order_by("-date_published")[:size],
        *galleries.select_related("province").order_by("-date_published")[:size],
    ]
    return nlargest(size, both, key=lambda page: page.date_published)


def _categories(page: Page) -> tuple[str, ...]:
    names = []
    parent = page.get_parent()
    if parent is not None and isinstance(parent.specific, SectionPage):
        names.append(parent.title)
    if getattr(page, "province", None) is not None:
        names.append(page.province.name)
    if isinstance(page, StoryPage):
        names.extend(topic.name for topic in page.topics.all())
    return tuple(names)


def _entries(request, pages: list[Page]) -> list[Entry]:
    machine = content.machine_translated(pages)
    entries = []
    for page in pages:
        lead, alt = content.lead_image(page)
        image, length = None, 0
        if lead is not None:
            rendition = lead.get_rendition(content.FEED_RENDITION)
            url = content.absolute(request, rendition.url)
            image = content.ImageLink(url, rendition.width, rendition.height, alt)
            length = rendition.file.size
        html = content.body_html(request, page)
        if page.pk in machine:
            html = f"<p><em>{content.mt_label()}</em></p>{html}"
        entries.append(
            Entry(
                page=page,
                link=content.absolute(request, page.get_url(request=request)),
                html=html,
                image=image,
                image_length=length,
                machine_translated=page.pk in machine,
                categories=_categories(page),
            )
        )
    return entries


class LatestRssFeed(Feed):
    """Every story and gallery of the current language."""

    feed_type = MediaRssFeed

    def get_object(self, request, *args, **kwargs) -> Scope:
        home = _locale_home(get_language())
        return Scope(request=request, home=home, title=home.title, link_page=home)

    def title(self, scope: Scope) -> str:
        return scope.title

    def link(self, scope: Scope) -> str:
        return content.absolute(scope.request, scope.link_page.get_url(request=scope.request))

    def description(self, scope: Scope) -> str:
        return content.description(scope.link_page) or _("Stories about Vietnam, in your language.")

    def feed_copyright(self, scope: Scope) -> str:
        return content.licence()["name"]

    def items(self, scope: Scope) -> list[Entry]:
        pages = _latest(scope.home, section=scope.section, province=scope.province)
        return _entries(scope.request, pages)

    def item_title(self, entry: Entry) -> str:
        return entry.page.title

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_description(self, entry: Entry) -> str:
        text = content.description(entry.page)
        return f"{content.mt_label()}. {text}" if entry.machine_translated else text

    def item_author_name(self, entry: Entry) -> str:
        return content.author(entry.page)

    def item_pubdate(self, entry: Entry):
        return entry.page.date_published

    def item_updateddate(self, entry: Entry):
        return entry.page.last_published_at or entry.page.date_published

    def item_categories(self, entry: Entry) -> tuple[str, ...]:
        return entry.categories

    def item_copyright(self, entry: Entry) -> str:
        return content.licence()["name"]

    def item_enclosures(self, entry: Entry) -> list[Enclosure]:
        if entry.image is None:
            return []
        return [Enclosure(entry.image.url, str(entry.image_length), entry.image.mime_type)]

    def item_extra_kwargs(self, entry: Entry) -> dict:
        return {
            "content_html": entry.html,
            "media": entry.image,
            "rights": content.licence()["name"],
        }


class SectionRssFeed(LatestRssFeed):
    """The stories and galleries of one section (its slug in the current language)."""

    def get_object(self, request, slug: str) -> Scope:
        home = _locale_home(get_language())
        section = SectionPage.objects.child_of(home).live().public().filter(slug=slug).first()
        if section is None:
            raise Http404(_("No such section."))
        return Scope(
            request=request,
            home=home,
            title=f"{section.title} · {home.title}",
            link_page=section,
            section=section,
        )


class ProvinceRssFeed(LatestRssFeed):
    """The stories and galleries about one province (its code, e.g. ``ha-noi``)."""

    def get_object(self, request, code: str) -> Scope:
        home = _locale_home(get_language())
        province = Province.objects.filter(code=code).first()
        if province is None:
            raise Http404(_("No such province."))
        province_page = (
            ProvincePage.objects.live().public().filter(locale_id=home.locale_id, province=province)
        ).first()
        return Scope(
            request=request,
            home=home,
            title=f"{province.name} · {home.title}",
            link_page=province_page or home,
            province=province,
        )


class LatestAtomFeed(LatestRssFeed):
    feed_type = MediaAtomFeed
    subtitle = LatestRssFeed.description


class SectionAtomFeed(SectionRssFeed):
    feed_type = MediaAtomFeed
    subtitle = LatestRssFeed.description


class ProvinceAtomFeed(ProvinceRssFeed):
    feed_type = MediaAtomFeed
    subtitle = LatestRssFeed.description
