"""Headless Chromium opens every public page type, and the admin, with the site's
Content-Security-Policy on and reports no violation in the console."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests import demo_snapshot
from tests.cms.core.public_pages import public_page_urls
from tests.factories import UserFactory
from tests.helpers import story
from tests.site.chromium import start_chromium

PASSWORD = "csp-browser-password-1"

pytestmark = pytest.mark.browser


@pytest.fixture
def browser():
    driver = start_chromium(console_log=True)
    yield driver
    driver.quit()


def csp_violations(driver) -> list[str]:
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"]
        or "Content-Security-Policy" in entry["message"]
    ]


@pytest.mark.django_db(transaction=True)
def test_no_csp_violation_on_public_pages_or_in_the_admin(live_server, browser):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    for name, path in public_page_urls().items():
        browser.get(live_server.url + path)
        assert browser.find_element(By.TAG_NAME, "h1").text, name
        assert csp_violations(browser) == [], name

    # The check sees violations: an image from another host is refused and reported.
    browser.execute_script(
        "const img = document.createElement('img');"
        "img.src = 'https://images.example.invalid/x.png'; document.body.append(img);"
    )
    browser.implicitly_wait(0)
    for _ in range(50):
        reported = csp_violations(browser)
        if reported:
            break
        browser.execute_script("return new Promise(r => setTimeout(r, 100))")
    assert any("img-src" in message for message in reported), reported

    user = UserFactory(username="csp-admin", is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    browser.get(live_server.url + "/admin/login/")
    browser.find_element(By.NAME, "username").send_keys("csp-admin")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form.login-form button[type=submit]").click()
    # implicit waits are off (above): wait for the dashboard the sign-in leads to
    signed_in = WebDriverWait(browser, 20).until(
        lambda driver: driver.find_elements(By.CSS_SELECTOR, ".sidebar, #wagtail-sidebar")
    )
    assert signed_in
    for path in (
        "/admin/",
        f"/admin/pages/{story('hue-monuments', 'en').pk}/edit/",
        "/admin/images/",
        "/admin/images/multiple/add/",
    ):
        browser.get(live_server.url + path)
        browser.execute_script("return new Promise(r => setTimeout(r, 500))")
        violations = csp_violations(browser)
        assert violations == [], "\n".join([path, *violations])
