"""Demo displays at five border gates (``load_demo`` calls ``load`` through its hook).

Their keys are fixed (``demo-<slug>``) so that the README can give their addresses; a
real display gets a random key when it is created in the admin."""

from django.conf import settings
from wagtail.models import Locale

from cms.stories.models import SectionPage

from .models import Display

GATES = [
    # slug, name, neighbour's language
    ("lao-cai", "Cửa khẩu quốc tế Lào Cai (Trung Quốc)", "zh-hans"),
    ("cau-treo", "Cửa khẩu quốc tế Cầu Treo (Lào)", "lo"),
    ("moc-bai", "Cửa khẩu quốc tế Mộc Bài (Campuchia)", "km"),
    ("mong-cai", "Cửa khẩu quốc tế Móng Cái (Trung Quốc)", "zh-hans"),
    ("lao-bao", "Cửa khẩu quốc tế Lao Bảo (Lào)", "lo"),
]
SECTIONS = ["tourism", "culture", "sea-and-islands"]


def demo_token(slug: str) -> str:
    return f"demo-{slug}"


def load(stdout) -> None:
    source = settings.LANGUAGE_CODE
    sections = list(SectionPage.objects.filter(locale__language_code=source, slug__in=SECTIONS))
    created = 0
    for slug, name, neighbour in GATES:
        locales = Locale.objects.filter(language_code__in=[source, neighbour])
        display, new = Display.objects.get_or_create(
            slug=slug, defaults={"name": name, "token": demo_token(slug)}
        )
        if new:
            display.languages.set(locales)
            display.sections.set(sections)
            created += 1
    stdout.write(f"Border-gate displays: {created} created, {len(GATES) - created} already there")
    for slug, _name, _lang in GATES:
        stdout.write(f"  /displays/{slug}/{demo_token(slug)}/")
