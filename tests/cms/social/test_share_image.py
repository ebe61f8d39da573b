"""Share images: drawn on publish, in the page's own script, with no missing glyph."""

import logging

import pytest
from PIL import Image, ImageFont
from wagtail.images.models import Image as WagtailImage

from cms.social import checks, fonts, images, layout
from cms.social.models import ShareImage
from cms.stories.models import SectionPage
from tests.factories import StoryPageFactory

HEADLINES = {
    "lo": "ນາຍົກລັດຖະມົນຕີ ຢ້ຽມຢາມ ອ່າວຮາລອງ ແລະ ເກາະແກ່ງຫີນປູນ ປີ 2026",
    "km": "នាយករដ្ឋមន្ត្រីទៅទស្សនាឈូងសមុទ្រហាឡុង និងកោះថ្មកំបោរ ឆ្នាំ២០២៦",
    "zh-hans": "越南总理视察下龙湾：石灰岩岛屿与2026年旅游季开幕",
}
SCRIPT_LETTERS = {"lo": (0x0E80, 0x0EFF), "km": (0x1780, 0x17FF), "zh-hans": (0x4E00, 0x9FFF)}


def section(code: str) -> SectionPage:
    return SectionPage.objects.live().filter(locale__language_code=code).first()


def renders_glyph(path, index: int, char: str) -> bool:
    """Drawn alone, unshaped, the character does not look like the font's .notdef box
    (what the font draws for U+FFFF, a noncharacter)."""
    font = ImageFont.truetype(str(path), 40, index=index, layout_engine=ImageFont.Layout.BASIC)
    tofu, mask = font.getmask("\uffff"), font.getmask(char)
    return not (mask.size == tofu.size and bytes(mask) == bytes(tofu))


def test_the_glyph_check_sees_a_missing_glyph():
    (lao, _), (latin, _) = fonts.font_files("lao")
    assert renders_glyph(lao, 0, "ກ") and renders_glyph(latin, 0, "A")
    assert not renders_glyph(latin, 0, "ກ")  # Noto Sans has no Lao
    assert not renders_glyph(lao, 0, "A")  # Noto Sans Lao has no Latin: the chain's next font


@pytest.mark.parametrize("code", ["lo", "km", "zh-hans"])
def test_share_image_in_the_pages_script_has_every_glyph(db, code):
    photo = WagtailImage.objects.order_by("pk").first()
    page = StoryPageFactory(
        parent=section(code), title=HEADLINES[code], slug="share-glyphs", hero_image=photo
    )

    share = ShareImage.objects.get(page=page)  # drawn by the publish signal's task
    with share.file.open("rb") as handle, Image.open(handle) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (1200, 630)
        bottom = picture.convert("L").crop((64, 330, 1136, 600))
        assert sum(bottom.histogram()[236:]) > 2000  # white headline drawn
    assert (share.width, share.height) == (1200, 630)

    style = layout.style_for(code, 64)
    chain = fonts.font_files(style.script)
    low, high = SCRIPT_LETTERS[code]
    for part, index in layout.runs(page.title, style):
        path, face = chain[index]
        for char in part.replace(" ", ""):
            assert renders_glyph(path, face, char), f"U+{ord(char):04X} missing in {path.name}"
            if low <= ord(char) <= high:
                assert index == 0, f"U+{ord(char):04X} not drawn in the script's own font"


def test_headline_wraps_at_icu_breaks_within_the_width():
    title = HEADLINES["lo"] * 2
    style = layout.style_for("lo", 64)
    lines = layout.wrap(title, "lo", style, 1072)
    assert len(lines) > 2
    assert all(layout.width(line, style) <= 1072 for line in lines)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    chinese = layout.wrap(
        HEADLINES["zh-hans"] * 3, "zh-hans", layout.style_for("zh-hans", 64), 1072
    )
    assert len(chinese) > 2 and not chinese[1].startswith(("：", "，"))  # no line opens on a comma


def test_too_long_a_headline_is_cut_with_an_ellipsis():
    lines, style = images._headline_lines(HEADLINES["km"] * 6, "km")
    assert len(lines) == images.MAX_LINES and lines[-1].endswith("…")
    assert style.chain[0].size == images.HEADLINE_SIZES[-1]


def test_brand_background_without_photo_and_og_image(client, db):
    page = StoryPageFactory(
        parent=section("lo"), title=HEADLINES["lo"], slug="share-brand", hero_image=None
    )
    share = ShareImage.objects.get(page=page)
    with share.file.open("rb") as handle, Image.open(handle) as picture:
        red, green, blue = picture.convert("RGB").getpixel((1150, 200))
    assert red > 2 * green and red > 2 * blue  # the brand red, darkened

    html = client.get(page.url).content.decode()
    assert f'content="http://testserver{share.file.url}"' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert f'<meta name="twitter:image" content="http://testserver{share.file.url}">' in html


def test_a_new_headline_draws_a_new_image(db):
    page = StoryPageFactory(
        parent=section("km"), title=HEADLINES["km"], slug="share-new", hero_image=None
    )
    first = ShareImage.objects.get(page=page).file.name
    page.title = "ឈូងសមុទ្រហាឡុង"
    page.save_revision().publish()

    share = ShareImage.objects.get(page=page)
    assert share.file.name != first and share.key in share.file.name
    assert not share.file.storage.exists(first)
    assert images.current(page) == share


def test_missing_fonts_say_what_to_install(settings, tmp_path, db, caplog):
    settings.SOCIAL_FONT_DIR = tmp_path
    with pytest.raises(fonts.FontMissing, match="apt-get install -y fonts-noto-core"):
        fonts.chain("lao", 40)
    assert checks.fonts_installed()[0].id == "social.W001"

    caplog.set_level(logging.ERROR, logger="cms.social.tasks")
    page = StoryPageFactory(parent=section("lo"), title=HEADLINES["lo"], slug="share-no-fonts")
    assert page.live and not ShareImage.objects.filter(page=page).exists()
    assert "fonts-noto-core" in caplog.text


def test_deleting_the_page_deletes_its_image(db, django_capture_on_commit_callbacks):
    page = StoryPageFactory(
        parent=section("zh-hans"), title=HEADLINES["zh-hans"], slug="share-gone", hero_image=None
    )
    share = ShareImage.objects.get(page=page)
    storage, name = share.file.storage, share.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert not ShareImage.objects.filter(pk=share.pk).exists() and not storage.exists(name)
