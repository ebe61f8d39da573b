"""One story in each of the ten languages and Ê Đê, opened in headless Chromium: the text is
drawn by a font that covers it (the fonts Chromium really used, read through the DevTools
protocol), the date is in the language's own format, and the language switcher leads to
the same story."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from cms.core.formats import local_date
from cms.core.languages import font_families
from cms.settings.languages import parse_extra_languages
from cms.stories.models import StoryPage
from tests import demo_snapshot
from tests.artifacts import artifact_dir
from tests.site.chromium import start_chromium

pytestmark = pytest.mark.browser

TITLES = {
    "vi": "Mùa lúa chín trên ruộng bậc thang",
    "en": "Rice harvest on the terraced fields",
    "zh-hans": "梯田上的稻谷丰收季节",
    "lo": "ລະດູເກັບກ່ຽວເຂົ້າຢູ່ນາຂັ້ນໄດ",
    "km": "រដូវច្រូតស្រូវនៅលើស្រែថ្នាក់",
    "fr": "La moisson du riz sur les rizières en terrasses",
    "ru": "Сбор урожая риса на террасных полях",
    "es": "La cosecha de arroz en las terrazas",
    "ja": "棚田で稲刈りの季節を迎える",
    "ko": "계단식 논의 벼 수확철",
    "rad": "Ƀuôn Ama Thuôt leh anăn čar Dak Lak",
}

# With Debian's fonts-noto-cjk installed, local() finds the CJK families under these names.
LOCAL_ALIASES = {"zh-hans": "Noto Sans CJK SC", "ja": "Noto Sans CJK JP", "ko": "Noto Sans CJK KR"}

# Long texts without spaces between words: the browser must break them into lines at word
# boundaries, inside the column.
LONG_TEXTS = {
    "lo": "ປະເທດຫວຽດນາມມີທິວທັດທີ່ສວຍງາມແລະວັດທະນະທຳອັນຫຼາກຫຼາຍ" * 6,
    "km": "ប្រទេសវៀតណាមមានទេសភាពស្រស់ស្អាតនិងវប្បធម៌ដ៏សម្បូរបែប" * 6,
}
LINES = """
const element = document.querySelector(".standfirst");
const range = document.createRange();
range.selectNodeContents(element);
const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
return {lines: tops.size, overflow: element.scrollWidth - element.clientWidth};
"""

FONTS_READY = "document.fonts.ready.then(() => arguments[arguments.length - 1](true));"


def used_fonts(browser, selector: str) -> dict[str, int]:
    """{family: glyphs drawn} for the text of ``selector``, as Chromium's layout drew it."""
    document = browser.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
    node = browser.execute_cdp_cmd(
        "DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector}
    )
    fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return {font["familyName"]: font["glyphCount"] for font in fonts["fonts"]}


@pytest.fixture
def ede(settings, tmp_path):
    settings.LANGUAGES = [*settings.LANGUAGES, *parse_extra_languages("rad:Ê Đê")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]


@pytest.fixture
def browser():
    driver = start_chromium()
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    yield driver
    driver.quit()


def story_in_every_language() -> dict[str, StoryPage]:
    source = StoryPage.objects.live().filter(locale__language_code="vi").first()
    source.title = TITLES["vi"]
    source.save_revision().publish()
    pages = {"vi": source}
    for code, title in TITLES.items():
        if code == "vi":
            continue
        page = source.get_translation_or_none(Locale.objects.get(language_code=code))
        if page is None:
            page = source.copy_for_translation(
                Locale.objects.get(language_code=code), copy_parents=True
            )
        page = page.specific
        page.title = title
        page.standfirst = LONG_TEXTS.get(code, page.standfirst)
        page.save_revision().publish()
        page.refresh_from_db()
        pages[code] = page
    return pages


@pytest.mark.django_db(transaction=True)
def test_a_story_in_eleven_languages_uses_covering_fonts_local_dates_and_a_true_switcher(
    ede, live_server, browser
):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    call_command("setup_locales", stdout=StringIO())
    pages = story_in_every_language()
    urls = {code: page.url for code, page in pages.items()}
    screenshots = artifact_dir("Browser screenshots", "screenshots")
    for code, page in pages.items():
        browser.get(live_server.url + page.url)
        browser.execute_async_script(FONTS_READY)
        assert browser.find_element("css selector", "h1").text == TITLES[code]
        assert browser.find_element("css selector", "html").get_attribute("lang") == code

        drawn = used_fonts(browser, "h1")
        assert drawn, f"{code}: no font drew the heading"
        covering = {*font_families(code), LOCAL_ALIASES.get(code)}
        assert set(drawn) <= covering, f"{code}: fallback fonts {drawn}"
        assert browser.execute_script(
            "return document.fonts.check(arguments[0], arguments[1])",
            f'32px "{font_families(code)[0]}"',
            TITLES[code],
        ), f"{code}: the bundled font does not cover the heading"

        if code in LONG_TEXTS:
            lines = browser.execute_script(LINES)
            assert lines["lines"] > 2 and lines["overflow"] <= 0, f"{code}: {lines}"

        shown_date = browser.find_element("css selector", "article time, .story time").text
        assert shown_date == local_date(page.date_published, code=code)

        switcher = {
            link.get_attribute("hreflang"): link.get_attribute("href")
            for link in browser.find_elements("css selector", ".language-switcher a")
        }
        assert {lang: href.removeprefix(live_server.url) for lang, href in switcher.items()} == (
            urls
        )
        assert browser.save_screenshot(str(screenshots / f"languages-{code}.png"))
