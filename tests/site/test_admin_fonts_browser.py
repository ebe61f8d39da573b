"""The admin in headless Chromium: Khmer text drawn with the site's own Noto Sans Khmer,
and "Send for review" working inside wagtail-localize's translation editor."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from cms.core.roles import translators_group_name
from tests import demo_snapshot
from tests.artifacts import artifact_dir
from tests.factories import UserFactory
from tests.helpers import locale, story
from tests.site import test_browser
from translations.models import TranslationReview
from translations.models.workflow import ReviewState
from translations.operations.drafting import draft_translation
from translations.operations.review import target_page

pytestmark = pytest.mark.browser
browser = test_browser.browser

KHMER_FAMILY = "Noto Sans Khmer"
FONT_REPORT = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => done({
  loaded: [...document.fonts].filter(f => f.status === "loaded")
      .map(f => f.family.replace(/["']/g, "")),
  resources: performance.getEntriesByType("resource").map(e => e.name),
  body: getComputedStyle(document.body).fontFamily,
  input: getComputedStyle(document.querySelector("#id_title")).fontFamily,
  title: document.querySelector("#id_title").value,
}));
"""

EDITOR_FONTS = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => done({
  loaded: [...document.fonts].filter(f => f.status === "loaded")
      .map(f => f.family.replace(/["']/g, "")),
  editor: getComputedStyle(document.querySelector(".js-translation-editor")).fontFamily,
}));
"""

# Every text node written wholly in Khmer must be as wide as the same text set with Noto
# Sans Khmer first (spaces come from the page's own fonts either way): a run drawn as
# boxes, or in another font, measures differently.
# (document.fonts.check() cannot tell: it says the font is there, not that it was used.)
KHMER_RUNS = """
const family = arguments[0];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const runs = [];
while (walker.nextNode()) {
  const node = walker.currentNode;
  const text = node.textContent.trim();
  if (!text || !/^[\\u1780-\\u17FF\\s]+$/.test(text)) continue;
  const range = document.createRange();
  const start = node.textContent.indexOf(text);
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  const width = range.getBoundingClientRect().width;
  if (!width) continue;
  const style = getComputedStyle(node.parentElement);
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre;" +
    `font-family:"${family}",${style.fontFamily};font-size:${style.fontSize};font-weight:${style.fontWeight}`;
  probe.textContent = text.replace(/\\s+/g, " ");
  document.body.appendChild(probe);
  runs.push({text, width, expected: probe.getBoundingClientRect().width});
  probe.remove();
}
return runs;
"""


def assert_khmer_drawn_with_noto(browser) -> None:
    runs = browser.execute_script(KHMER_RUNS, KHMER_FAMILY)
    assert runs, "no Khmer text on the page"
    wrong = [run for run in runs if abs(run["width"] - run["expected"]) > 1]
    assert wrong == [], f"Khmer not drawn with {KHMER_FAMILY}: {wrong}"


def families(stack: str) -> list[str]:
    return [name.strip(' "') for name in stack.split(",")]


def log_in(browser, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    browser.get(live_server.url + "/static/fonts/OFL.txt")  # cookies need the host open
    browser.delete_all_cookies()
    browser.add_cookie(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "path": "/",
        }
    )


@pytest.mark.django_db(transaction=True)
def test_khmer_in_the_admin_uses_the_sites_noto_sans_khmer(live_server, browser):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    page = story("tet-lunar-new-year", "km")
    log_in(browser, live_server, UserFactory(groups=[translators_group_name("km")]))
    browser.get(live_server.url + reverse("wagtailadmin_pages:edit", args=[page.pk]))
    report = browser.execute_async_script(FONT_REPORT)

    assert report["title"] == page.title and "បុណ្យ" in page.title
    assert KHMER_FAMILY in report["loaded"], report["loaded"]
    assert KHMER_FAMILY in families(report["body"])
    assert KHMER_FAMILY in families(report["input"])  # inputs do not inherit fonts
    assert_khmer_drawn_with_noto(browser)
    host = urlsplit(live_server.url).netloc
    assert [url for url in report["resources"] if urlsplit(url).netloc != host] == []
    fonts = [url for url in report["resources"] if url.endswith(".woff2")]
    assert any("noto-sans-khmer-khmer" in url for url in fonts)
    assert all("/static/fonts/" in url for url in fonts)
    screenshots = artifact_dir("Browser screenshots", "screenshots")
    assert browser.save_screenshot(str(screenshots / "admin-khmer-editor.png"))


@pytest.mark.django_db(transaction=True)
def test_send_for_review_from_the_translation_editor(live_server, browser, installed_models):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    source = story("coffee-exports")
    draft_translation(source, locale("km"))
    review = TranslationReview.objects.get(  # not one of the demo's reviewed editions
        translation__target_locale=locale("km"),
        translation__source__object_id=source.translation_key,
    )
    log_in(browser, live_server, UserFactory(groups=[translators_group_name("km")]))
    edit_url = reverse("wagtailadmin_pages:edit", args=[target_page(review).pk])
    browser.get(live_server.url + edit_url)
    assert "js-translation-editor" in browser.page_source  # wagtail-localize's editor
    wait = WebDriverWait(browser, 20)
    button = wait.until(
        expected_conditions.element_to_be_clickable(
            (By.CSS_SELECTOR, "a.translations-send-for-review")
        )
    )
    editor = browser.execute_async_script(EDITOR_FONTS)
    assert KHMER_FAMILY in editor["loaded"], editor["loaded"]
    assert KHMER_FAMILY in families(editor["editor"])
    assert "ខ្មែរ" in browser.find_element(By.CSS_SELECTOR, ".header-meta--locales").text
    assert_khmer_drawn_with_noto(browser)
    screenshots = artifact_dir("Browser screenshots", "screenshots")
    browser.save_screenshot(str(screenshots / "translation-editor-send-for-review.png"))
    button.click()
    review_url = reverse("translations:review", args=[review.pk])
    wait.until(expected_conditions.url_contains(review_url))
    review.refresh_from_db()
    assert review.state == ReviewState.REVIEW
