"""Open Lao, Khmer and Chinese stories in headless Chromium and check that the site's own
web fonts render them, and that the page asks no other host for anything."""

from urllib.parse import urlsplit

import pytest

from tests import demo_snapshot
from tests.artifacts import artifact_dir
from tests.site.chromium import start_chromium

pytestmark = pytest.mark.browser

STORIES = [
    ("lo", "/lo/tourism/ha-long-bay/", "Noto Sans Lao", "ອ່າວຮ່າລອງ"),
    ("km", "/km/culture/tet-lunar-new-year/", "Noto Sans Khmer", "បុណ្យតេត"),
    ("zh-hans", "/zh-hans/culture/water-puppetry/", "Noto Sans SC", "水上木偶戏"),
    ("vi", "/vi/culture/hue-monuments/", "Noto Sans", "Quần thể di tích Cố đô Huế"),
]

FONT_REPORT = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => done({
  loaded: [...document.fonts].filter(f => f.status === "loaded")
      .map(f => f.family.replace(/["']/g, "")),
  resources: performance.getEntriesByType("resource").map(e => e.name),
  heading: getComputedStyle(document.querySelector("h1")).fontFamily,
  control: getComputedStyle(document.querySelector(".header-search input")).fontFamily,
  text: document.querySelector("h1").innerText,
}));
"""


@pytest.fixture
def browser():
    driver = start_chromium()
    yield driver
    driver.quit()


@pytest.mark.django_db(transaction=True)
def test_stories_render_with_the_sites_own_fonts(live_server, browser):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    screenshots = artifact_dir("Browser screenshots", "screenshots")
    host = urlsplit(live_server.url).netloc
    for code, path, family, heading in STORIES:
        browser.get(live_server.url + path)
        report = browser.execute_async_script(FONT_REPORT)
        assert heading in report["text"]
        assert family in report["loaded"], f"{family} not used on {path}: {report['loaded']}"
        stack = [name.strip(' "') for name in report["heading"].split(",")]
        assert family in stack
        # Form controls do not inherit fonts by default; without the site's they show tofu.
        assert family in [name.strip(' "') for name in report["control"].split(",")]
        assert browser.execute_script(
            "return document.fonts.check(arguments[0], arguments[1])",
            f'32px "{family}"',
            report["text"],
        )
        foreign = [url for url in report["resources"] if urlsplit(url).netloc != host]
        assert foreign == [], f"{path} asked other hosts: {foreign}"
        # local() first: with the fonts installed (Debian's fonts-noto-*), nothing is fetched.
        fonts_fetched = [url for url in report["resources"] if url.endswith(".woff2")]
        assert all("/static/fonts/" in url for url in fonts_fetched)
        assert browser.save_screenshot(str(screenshots / f"story-{code}.png"))
