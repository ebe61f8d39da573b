"""Idempotent demo pages for the people, events and press apps (``load_demo_content``).

Pages are found by slug under their parent and left as they are when they exist, so
running the demo twice creates nothing new and editors' changes survive. A translation
is a copy of the Vietnamese page (``copy_for_translation``) with its own text, published
directly, as the main demo does with its stories.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Locale, Page

from cms.core.pages import home_pages


class DemoPages:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0

    def say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def home(self, code: str) -> Page | None:
        return home_pages().filter(locale__language_code=code).first()

    def child(self, parent: Page, model, slug: str, **fields) -> Page:
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
        self.created += 1
        return page

    def translate(self, source: Page, code: str, **fields) -> Page | None:
        """A published translation of ``source`` into ``code``; None when the parent has
        no page in that language (so the tree cannot hold it)."""
        existing = source.get_translations().filter(locale__language_code=code).first()
        if existing is not None:
            return existing.specific
        parent = source.get_parent()
        if not parent.get_translations().filter(locale__language_code=code).exists():
            return None
        page = source.copy_for_translation(Locale.objects.get(language_code=code)).specific
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        self.created += 1
        return page

    def index(self, model, slug: str, titles: dict[str, str], intros: dict[str, str]) -> Page:
        """The index page under the Vietnamese home page, translated into every
        language of ``titles`` whose home page exists."""
        home = self.home("vi")
        index = self.child(home, model, slug, title=titles["vi"], intro=intros.get("vi", ""))
        for code, title in titles.items():
            if code != "vi" and self.home(code) is not None:
                self.translate(index, code, title=title, intro=intros.get(code, ""))
        return index


def monogram(title: str, letters: str, colour: tuple[int, int, int]) -> Image:
    """A square placeholder picture (no downloads in the demo), made once per title."""
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (800, 800), colour)
    draw = ImageDraw.Draw(picture)
    draw.ellipse([200, 120, 600, 520], fill=(240, 232, 220))
    draw.rectangle([160, 560, 640, 800], fill=(240, 232, 220))
    draw.text((30, 30), letters, fill=(255, 255, 255), font_size=96)
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    name = "".join(c for c in letters.lower() if c.isalnum()) or "portrait"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{name}.jpg"))
