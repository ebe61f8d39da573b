"""The gallery lightbox in headless Chromium, used with the keyboard only; and a video
facade that frames the provider's player only after a click."""

from urllib.parse import urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from cms.core.blocks import StoryBodyBlock
from tests import demo_snapshot
from tests.cms.core.media import new_image
from tests.cms.core.oembed_provider import oembed_provider
from tests.factories import GalleryPageFactory, StoryPageFactory
from tests.helpers import section
from tests.site.chromium import start_chromium

pytestmark = pytest.mark.browser

ALTS = ["Núi đá lúc hoàng hôn", "Đồi xanh buổi sáng", "Biển lặng"]

# A one-finger swipe across the lightbox's image, by arguments[0] pixels (touch events as
# a touch screen sends them).
SWIPE = """
const target = document.querySelector(".lightbox__image");
const touch = (x) => new Touch({identifier: 1, target, clientX: x, clientY: 300});
const start = touch(400), end = touch(400 + arguments[0]);
target.dispatchEvent(new TouchEvent("touchstart",
    {touches: [start], changedTouches: [start], bubbles: true}));
target.dispatchEvent(new TouchEvent("touchend",
    {touches: [], changedTouches: [end], bubbles: true}));
"""


@pytest.fixture
def browser():
    driver = start_chromium(console_log=True)
    yield driver
    driver.quit()


def active(browser):
    return browser.execute_script(
        "const e = document.activeElement;"
        "return [e.tagName, e.className, e.closest('dialog') !== null];"
    )


def status(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".lightbox__status").get_attribute("textContent")


def shown_alt(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".lightbox__image img").get_attribute("alt")


def is_open(browser) -> bool:
    return browser.execute_script("return document.querySelector('dialog[data-lightbox]').open")


def announced(number: int, total: int) -> str:
    """The lightbox's "Image N of M", in the gallery's language (Vietnamese)."""
    with translation.override("vi"):
        return gettext("Image {n} of {total}").format(n=number, total=total)


@pytest.mark.django_db(transaction=True)
def test_gallery_lightbox_with_the_keyboard(live_server, browser):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    images = [new_image(f"lightbox-{n}", size=(1200, 800)) for n in range(3)]
    gallery = GalleryPageFactory(
        parent=section("culture"),
        slug="lightbox-keyboard",
        items=[
            ("photo", {"image": image, "alt_text": alt, "caption": f"Ảnh {n}", "credit": ""})
            for n, (image, alt) in enumerate(zip(images, ALTS, strict=True))
        ],
    )
    browser.get(live_server.url + gallery.url)
    thumbnails = browser.find_elements(By.CSS_SELECTOR, "[data-lightbox-item]")
    assert len(thumbnails) == 3

    thumbnails[0].send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: is_open(b))
    assert status(browser) == announced(1, 3)
    assert shown_alt(browser) == ALTS[0]
    assert active(browser)[2], "focus moved into the dialog"
    dialog = browser.find_element(By.CSS_SELECTOR, "dialog[data-lightbox]")
    assert dialog.get_attribute("aria-label")
    assert browser.find_element(By.CSS_SELECTOR, ".lightbox__caption").text == "Ảnh 0"

    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert status(browser) == announced(2, 3) and shown_alt(browser) == ALTS[1]
    browser.switch_to.active_element.send_keys(Keys.ARROW_LEFT, Keys.ARROW_LEFT)
    assert status(browser) == announced(3, 3) and shown_alt(browser) == ALTS[2], "wraps round"

    for _ in range(5):  # Tab goes round the dialog's buttons, never out of it
        browser.switch_to.active_element.send_keys(Keys.TAB)
        assert active(browser)[0] == "BUTTON" and active(browser)[2]
    browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    assert active(browser)[2]

    browser.execute_script(SWIPE, -120)  # a finger moving left: the next image
    assert status(browser) == announced(1, 3) and shown_alt(browser) == ALTS[0]
    browser.execute_script(SWIPE, 120)
    assert status(browser) == announced(3, 3)

    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    WebDriverWait(browser, 5).until(lambda b: not is_open(b))
    assert browser.switch_to.active_element == thumbnails[0], "focus back on the thumbnail"

    thumbnails[1].send_keys(Keys.SPACE)
    WebDriverWait(browser, 5).until(lambda b: is_open(b))
    assert status(browser) == announced(2, 3)
    browser.find_element(By.CSS_SELECTOR, "[data-lightbox-close]").send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: not is_open(b))
    assert browser.switch_to.active_element == thumbnails[1]
    csp = [e["message"] for e in browser.get_log("browser") if "Content Security" in e["message"]]
    assert csp == []


@pytest.mark.django_db(transaction=True)
def test_video_facade_frames_the_player_only_after_the_click(live_server, browser):
    demo_snapshot.restore()
    with oembed_provider() as provider:
        page = StoryPageFactory(
            parent=section("culture"),
            slug="facade-click",
            body=[("video", {"video": provider.watch_url("d4"), "caption": "", "credit": ""})],
        )
        StoryBodyBlock().clean(page.body)  # the editor's save fetches the embed
        provider.requests.clear()

        browser.get(live_server.url + page.url)
        button = browser.find_element(By.CSS_SELECTOR, ".video-facade__play")
        assert browser.find_elements(By.TAG_NAME, "iframe") == []
        resources = browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
        )
        provider_host = urlsplit(provider.base).netloc
        assert not [r for r in resources if urlsplit(r).netloc == provider_host]
        assert provider.requests == [], "nothing asked of the provider before the click"

        button.click()
        frame = WebDriverWait(browser, 5).until(lambda b: b.find_element(By.TAG_NAME, "iframe"))
        assert frame.get_attribute("src") == provider.player_url("d4")
        WebDriverWait(browser, 5).until(lambda b: "/player/d4" in provider.requests)
        browser.switch_to.frame(frame)
        assert browser.find_element(By.ID, "player").text == "playing"
        browser.switch_to.default_content()
        csp = [
            e["message"] for e in browser.get_log("browser") if "Content Security" in e["message"]
        ]
        assert csp == []
