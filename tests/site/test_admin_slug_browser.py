"""In headless Chromium, an editor adding a Vietnamese story sees a slug with every
letter of the title kept (Wagtail's own browser slugify dropped ậ, ả: rung-bc-...-chi)."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from cms.core.roles import EDITORS
from tests import demo_snapshot
from tests.factories import UserFactory
from tests.helpers import section
from tests.site.test_browser import browser  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

TITLE = "Rừng bậc thang Mù Cang Chải"
PASSWORD = "a-long-test-password-1"
SYNC_READY = """
const app = window.wagtail && window.wagtail.app;
const byId = (id) => document.getElementById(id);
return Boolean(app && byId("id_title") && byId("id_slug")
  && app.getControllerForElementAndIdentifier(byId("id_title"), "w-sync")
  && app.getControllerForElementAndIdentifier(byId("id_slug"), "w-slug"));
"""


@pytest.fixture
def editor(transactional_db):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    user = UserFactory(username="slug-editor", groups=[EDITORS])
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(driver, live_server, user) -> None:
    driver.get(f"{live_server.url}/admin/login/")
    driver.find_element(By.NAME, "username").send_keys(user.username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(driver, 20).until(expected_conditions.url_to_be(f"{live_server.url}/admin/"))


@pytest.mark.django_db(transaction=True)
def test_typing_a_vietnamese_title_fills_a_readable_slug(live_server, browser, editor):  # noqa: F811
    log_in(browser, live_server, editor)
    parent = section("culture", "vi")
    browser.get(f"{live_server.url}/admin/pages/add/stories/storypage/{parent.pk}/")
    title = WebDriverWait(browser, 20).until(
        expected_conditions.element_to_be_clickable((By.ID, "id_title"))
    )
    # Type only once Wagtail's Stimulus controllers are connected to the fields.
    WebDriverWait(browser, 20).until(lambda driver: driver.execute_script(SYNC_READY))
    title.click()
    title.send_keys(TITLE)
    browser.find_element(By.CSS_SELECTOR, 'a[href="#tab-promote"]').click()
    slug = WebDriverWait(browser, 10).until(
        expected_conditions.visibility_of_element_located((By.ID, "id_slug"))
    )
    # Wagtail copies the title into the slug 100 ms after the last key (debounced).
    WebDriverWait(browser, 10).until(lambda driver: slug.get_attribute("value"))
    assert slug.get_attribute("value") == "rung-bac-thang-mu-cang-chai"
    # Leaving the slug field cleans what is there and keeps it readable.
    slug.clear()
    slug.send_keys("Đà Nẵng mùa lễ hội")
    slug.send_keys(Keys.TAB)
    assert slug.get_attribute("value") == "da-nang-mua-le-hoi"
