"""axe-core (tests/site/vendor/axe.min.js) in headless Chromium on one page of each public
type, in Latin, Chinese, Lao and Khmer script, in the light and the dark colour scheme:
no violation of any impact is allowed."""

from pathlib import Path
from urllib.parse import urlencode

import pytest
from wagtail.models import Page
from wagtail.rich_text import RichText

from cms.aggregator.models import FeedIndexPage
from cms.galleries.models import GalleryPage
from cms.provinces.models import ProvinceIndexPage, ProvincePage
from tests import demo_snapshot
from tests.factories import StoryPageFactory
from tests.helpers import home, locale, section, story
from tests.site.chromium import start_chromium

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text("utf-8")
LANGUAGES = ("vi", "zh-hans", "lo", "km")
# In every language of the demo: a story with a province and topics, and its province.
STORY, SECTION, PROVINCE = "pho-hanoi", "culture", "hanoi"

RUN_AXE = """
const done = arguments[arguments.length - 1];
const options = {resultTypes: ["violations"]};
if (arguments[0]) options.runOnly = arguments[0];
axe.run(document, options)
  .then(results => done(results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)}))))
  .catch(error => done([{id: "axe-error", impact: "critical", help: String(error), nodes: []}]));
"""

BACKGROUND = "return getComputedStyle(document.body).backgroundColor"
HIDDEN_IN_PRINT = ".site-header nav, .header-search, .share, .site-footer"


def public_pages(code: str) -> dict[str, str]:
    """One path of each public page type in a language."""

    def path(page: Page) -> str:
        return page.get_url()

    in_language = {"locale__language_code": code}
    the_story = story(STORY).get_translation(locale(code))
    return {
        "home": path(home(code)),
        "section": path(section(SECTION, code)),
        "story": path(the_story),
        "province index": path(ProvinceIndexPage.objects.get(**in_language)),
        "province": path(ProvincePage.objects.get(province__code=PROVINCE, **in_language)),
        "gallery": path(GalleryPage.objects.get(**in_language)),
        "search results": f"/{code}/search/?{urlencode({'q': the_story.title})}",
        "news": path(FeedIndexPage.objects.get(**in_language)),
    }


@pytest.fixture
def browser():
    driver = start_chromium()
    yield driver
    driver.quit()


def violations(browser, url: str, rules: list[str] | None = None) -> list[dict]:
    browser.get(url)
    if not browser.execute_script("return typeof axe !== 'undefined'"):
        browser.execute_script(AXE)
    return browser.execute_async_script(RUN_AXE, rules)


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, items in found.items():
        for item in items:
            lines.append(f"{where}: {item['id']} ({item['impact']}) {item['help']}")
            lines += [f"    {node}" for node in item["nodes"]]
    return "\n".join(lines)


@pytest.mark.django_db(transaction=True)
def test_public_pages_have_no_axe_violations_in_any_script_or_colour_scheme(live_server, browser):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    pages = {code: public_pages(code) for code in LANGUAGES}
    found = {}
    for code, paths in pages.items():
        for kind, path in paths.items():
            if problems := violations(browser, live_server.url + path):
                found[f"{code} {kind} {path}"] = problems
    # The dark scheme changes colours only: its contrast, checked on every page.
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": "dark"}]},
    )
    assert browser.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    assert browser.execute_script(BACKGROUND) == "rgb(18, 18, 18)"
    for code, paths in pages.items():
        for kind, path in paths.items():
            if problems := violations(browser, live_server.url + path, ["color-contrast"]):
                found[f"dark {code} {kind} {path}"] = problems
    assert not found, describe(found)


@pytest.mark.django_db(transaction=True)
def test_a_printed_story_has_no_navigation_and_shows_its_link_addresses(live_server, browser):
    demo_snapshot.restore()
    page = StoryPageFactory(
        parent=section(SECTION),
        title="Bài in ra giấy",
        body=[
            ("paragraph", RichText('<p>Theo <a href="https://example.org/nguon">nguồn</a>.</p>'))
        ],
    )
    browser.get(live_server.url + page.url)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    displays = browser.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => getComputedStyle(e).display)",
        HIDDEN_IN_PRINT,
    )
    assert len(displays) >= 4 and set(displays) == {"none"}
    after = browser.execute_script(
        "return getComputedStyle(document.querySelector('.body a'), '::after').content"
    )
    assert "https://example.org/nguon" in after
    assert browser.find_element("css selector", "article.story h1").is_displayed()
