"""Idempotent demo content: sections, stories and their translations, a gallery, the
province pages. Existing pages are left as they are, so editors' changes survive."""

import json
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.aggregator.models import FeedIndexPage
from cms.aggregator.seeds import seed_sources
from cms.galleries.models import GalleryPage
from cms.home.locales import ensure_locales, ensure_source_home
from cms.provinces.models import ProvinceIndexPage, ProvincePage
from cms.stories.models import SectionPage, StoryPage
from cms.taxonomy.loading import load_provinces
from cms.taxonomy.models import Province, Topic
from cms.text.slugs import slugify_title

from . import conf
from .editions import EDITION_LANGUAGES, Editions, add_aligned
from .images import draw_landscape
from .news import load_news

HERE = Path(__file__).resolve().parent
STORIES = json.loads((HERE / "stories.json").read_text("utf-8"))
STRUCTURE = json.loads((HERE / "site_structure.json").read_text("utf-8"))
EDITIONS = json.loads((HERE / "editions.json").read_text("utf-8"))
# Translations the first demo made directly (kept so); every other language's edition goes
# through draft, post-edit and review (cms/demo/editions.py).
DIRECT_SECTION_LANGUAGES = ("en", "zh-hans", "lo", "km")
DIRECT_LANGUAGES = ("en",)


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    kept: int = 0

    def add(self, page: Page) -> None:
        self.created.append(f"{page.locale.language_code}: {page.title}")


def demo_image(title: str, seed: str, palette) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_landscape(seed, tuple(palette[0]), tuple(palette[1]))
    return Image.objects.create(
        title=title, file=ImageFile(BytesIO(data), name=f"{slugify_title(seed, 'en')}.jpg")
    )


def story_body(items: list) -> list[tuple]:
    body = []
    for item in items:
        kind = item[0]
        if kind == "paragraph":
            body.append(("paragraph", RichText(f"<p>{escape(item[1])}</p>")))
        elif kind == "quote":
            body.append(("quote", {"quote": item[1], "attribution": item[2]}))
        elif kind == "facts":
            facts = [{"label": label, "value": value} for label, value in item[2]]
            body.append(("fact_box", {"title": item[1], "facts": facts}))
    return body


def photo_alts(version: dict) -> list[str]:
    """Each gallery photo's own alternative text: the gallery's, then the photo's caption."""
    return [f"{version['alt']}: {caption}" for caption in version["captions"]]


def edition_memory() -> dict[str, dict[str, str]]:
    """The translation memory the demo translators work from."""
    memory: dict[str, dict[str, str]] = dict(EDITIONS["memory"])
    for spec in STRUCTURE["sections"]:
        add_aligned(memory, spec["titles"])
    add_aligned(memory, STRUCTURE["provinces_index"]["titles"])
    gallery = STRUCTURE["gallery"]["versions"]
    add_aligned(memory, gallery)
    add_aligned(memory, {code: photo_alts(version) for code, version in gallery.items()})
    for spec in EDITIONS["stories"]:
        add_aligned(memory, spec["versions"])
    for province in Province.objects.all():
        add_aligned(memory, {"vi": province.name_vi, **province.names})
    return memory


class DemoLoader:
    def __init__(self, stdout=None):
        self.report = DemoReport()
        self.stdout = stdout
        self.editions: Editions | None = None

    def _say(self, message: str) -> None:
        if self.stdout:
            self.stdout.write(message)

    def translation_of(self, page: Page, code: str) -> Page | None:
        return page.get_translations(inclusive=True).filter(locale__language_code=code).first()

    def translate(self, source: Page, code: str, **fields) -> Page:
        """Create (and publish) a human translation of ``source`` unless one exists."""
        existing = self.translation_of(source, code)
        if existing:
            self.report.kept += 1
            return existing.specific
        page = source.copy_for_translation(Locale.objects.get(language_code=code)).specific
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        page.refresh_from_db()
        self.report.add(page)
        return page

    def child(self, parent: Page, model, slug: str | None, **fields) -> Page:
        """The child of ``parent`` with ``slug``, created and published unless it exists;
        without a slug, one is made from the title in the parent's language."""
        slug = slug or slugify_title(fields["title"], parent.locale.language_code)
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            self.report.kept += 1
            return existing
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
        self.report.add(page)
        return page

    def load_topics(self) -> dict[str, Topic]:
        topics = {}
        for item in STRUCTURE["topics"]:
            names = dict(item["name"])
            vi = names.pop("vi")
            topic = Topic.objects.filter(slug=item["slug"]).first()
            if topic is None:
                topic = Topic.objects.create(slug=item["slug"], name=vi, names=names)
            elif topic.names != {**topic.names, **names}:
                topic.names = {**topic.names, **names}
                topic.save(update_fields=["names"])
            topics[item["slug"]] = topic
        return topics

    def load_sections(self, home: Page) -> dict[str, SectionPage]:
        sections = {}
        for spec in STRUCTURE["sections"]:
            titles = spec["titles"]
            section = self.child(
                home, SectionPage, spec["slug"], title=titles["vi"], show_in_menus=True
            )
            for code in DIRECT_SECTION_LANGUAGES:
                self.translate(section, code, title=titles[code])
            self.editions.publish_all(
                section, [c for c in EDITION_LANGUAGES if c not in DIRECT_SECTION_LANGUAGES]
            )
            sections[spec["slug"]] = section
        return sections

    def load_story(
        self, spec: dict, section: SectionPage, topics: dict[str, Topic], reviewed: bool = False
    ) -> None:
        """A story and its translations: given directly, or (``reviewed``) made through
        post-edit and review in every language."""
        versions = spec["versions"]
        province = (
            Province.objects.filter(code=spec["province"]).first() if spec["province"] else None
        )

        def fields(version: dict) -> dict:
            return {
                "title": version["title"],
                "standfirst": version["standfirst"],
                "hero_alt": version["hero_alt"],
                "hero_caption": version["hero_caption"],
                "hero_credit": "",
                "body": story_body(version["body"]),
            }

        slug = spec.get("slug") or slugify_title(versions["vi"]["title"], "vi")
        image = demo_image(versions["en"]["title"], slug, spec["palette"])
        versions = {"vi": versions["vi"]} if reviewed else versions
        story = StoryPage.objects.child_of(section).filter(slug=slug).first()
        if story is None:
            story = StoryPage(
                slug=slug,
                hero_image=image,
                date_published=parse_datetime(spec["date"]),
                province=province,
                source_name="Demo content",
                **fields(versions["vi"]),
            )
            section.add_child(instance=story)
            story.topics.set([topics[t] for t in spec["topics"]])
            story.save_revision().publish()
            self.report.add(story)
        else:
            self.report.kept += 1
        for code, version in versions.items():
            if code != "vi":
                self.translate(story, code, **fields(version))
        if reviewed:
            self.editions.publish_all(story, EDITION_LANGUAGES)

    def load_gallery(self, section: SectionPage) -> None:
        spec = STRUCTURE["gallery"]
        vi, en = spec["versions"]["vi"], spec["versions"]["en"]
        images = [
            demo_image(f"{en['title']} {n + 1}", f"{spec['slug']}-{n}", palette)
            for n, palette in enumerate(spec["palettes"])
        ]

        def items(version: dict) -> list[tuple]:
            return [
                (
                    "photo",
                    {
                        "image": image,
                        "alt_text": alt,
                        "caption": caption,
                        "credit": version["credit"],
                    },
                )
                for image, caption, alt in zip(
                    images, version["captions"], photo_alts(version), strict=True
                )
            ]

        gallery = self.child(
            section,
            GalleryPage,
            spec["slug"],
            title=vi["title"],
            intro=vi["intro"],
            items=items(vi),
        )
        self.translate(gallery, "en", title=en["title"], intro=en["intro"], items=items(en))
        self.editions.publish_all(gallery, [c for c in EDITION_LANGUAGES if c != "en"])

    def load_provinces(self, home: Page) -> None:
        spec = STRUCTURE["provinces_index"]
        index = self.child(
            home, ProvinceIndexPage, spec["slug"], title=spec["titles"]["vi"], show_in_menus=True
        )
        self.translate(index, "en", title=spec["titles"]["en"])
        others = [c for c in EDITION_LANGUAGES if c != "en"]
        self.editions.publish_all(index, others)
        pages = {p.province_id: p for p in ProvincePage.objects.child_of(index)}
        live = {
            (p.translation_key, p.locale.language_code)
            for p in ProvincePage.objects.filter(live=True).select_related("locale")
        }
        editions = conf.get("DEMO_PROVINCE_EDITIONS") or Province.objects.count()
        for number, province in enumerate(Province.objects.all(), start=1):
            page = pages.get(province.pk)
            if page is None:
                page = self.child(
                    index, ProvincePage, province.code, title=province.name_vi, province=province
                )
                self.translate(page, "en", title=province.name_in("en"))
            if number > editions:
                continue
            todo = [c for c in others if (page.translation_key, c) not in live]
            self.editions.kept += len(others) - len(todo)
            self.editions.publish_all(page, todo)
            if number % 5 == 0:
                self._say(f"  province pages: {number}/{Province.objects.count()}")

    def load_feed_index(self, home: Page) -> None:
        spec = STRUCTURE["feed_index"]
        titles, intros = spec["titles"], spec["intros"]
        index = self.child(
            home,
            FeedIndexPage,
            spec["slug"],
            title=titles["vi"],
            intro=intros["vi"],
            show_in_menus=True,
        )
        for code, title in titles.items():
            if code != "vi":
                self.translate(index, code, title=title, intro=intros.get(code, ""))

    @transaction.atomic
    def run(self) -> DemoReport:
        self._say("Locales and home pages...")
        ensure_locales()
        home = ensure_source_home()
        self._say("Provinces...")
        load_provinces()
        topics = self.load_topics()
        self.editions = Editions(edition_memory(), self.stdout)
        self._say("Sections...")
        sections = self.load_sections(home)
        for number, spec in enumerate(STORIES, start=1):
            self._say(f"Story {number}/{len(STORIES)}: {spec['versions']['en']['title']}")
            self.load_story(spec, sections[spec["section"]], topics)
        for number, spec in enumerate(EDITIONS["stories"], start=1):
            self._say(f"Reviewed story {number}/{len(EDITIONS['stories'])} in every language")
            self.load_story(spec, sections[spec["section"]], topics, reviewed=True)
        self._say("Gallery...")
        self.load_gallery(sections["tourism"])
        self._say("Province pages...")
        self.load_provinces(home)
        self._say("News feed and its (inactive) seed sources...")
        self.load_feed_index(home)
        seed_sources()
        news = load_news()
        self._say(
            f"News items replayed from {news.sources} recorded feeds: {news.new} new, "
            f"{news.duplicates} already there"
        )
        self._say(
            f"Reviewed translations: {self.editions.published} published, "
            f"{self.editions.kept} already there"
        )
        return self.report
