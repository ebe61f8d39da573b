"""What a story page weighs for a reader far away: from a cold browser cache, everything
Chromium transferred for it (document, styles, scripts, fonts), photos left out."""

import pytest

from cms.stories.models import StoryPage
from tests import demo_snapshot
from tests.helpers import locale
from tests.site.chromium import start_chromium

pytestmark = pytest.mark.browser

KB = 1024
BUDGETS = {"vi": 150, "en": 150, "lo": 150, "km": 150, "zh-hans": 250, "ja": 250, "ko": 250}
PICTURES = (".avif", ".webp", ".jpg", ".jpeg", ".png", ".gif", ".svg")

WEIGHT = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => setTimeout(() => {
  const entries = [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")];
  done(entries.map(e => [e.name, e.initiatorType, e.transferSize]));
}, 300));
"""


def story_in_every_language(codes: set[str]) -> StoryPage:
    """A demo story published in all these languages (the demo's reviewed editions)."""
    for candidate in StoryPage.objects.live().filter(locale__language_code="vi"):
        translations = candidate.get_translations(inclusive=True).live()
        if codes <= set(translations.values_list("locale__language_code", flat=True)):
            return candidate
    pytest.fail(f"No demo story is live in all of {sorted(codes)}")


@pytest.mark.django_db(transaction=True)
def test_a_story_without_its_photos_stays_within_its_budget_in_every_script(live_server):
    demo_snapshot.restore()  # an earlier transactional test may have flushed it
    source = story_in_every_language(set(BUDGETS))
    weights = {}
    for code, budget in BUDGETS.items():
        page = source.get_translation(locale(code))
        driver = start_chromium()  # a new profile: a cold cache
        try:
            driver.get(live_server.url + page.get_url())
            entries = driver.execute_async_script(WEIGHT)
        finally:
            driver.quit()
        counted = [
            (name, size)
            for name, kind, size in entries
            if kind != "img" and not name.split("?")[0].lower().endswith(PICTURES)
        ]
        assert all(size > 0 for _, size in counted[:1]), "the document's size was not reported"
        weights[code] = sum(size for _, size in counted) / KB
        detail = "\n".join(f"{size / KB:7.1f} KB {name}" for name, size in counted)
        assert weights[code] < budget, f"{code}: {weights[code]:.0f} KB > {budget} KB\n{detail}"
    print("Story weight without photos, KB:", {k: round(v) for k, v in weights.items()})
