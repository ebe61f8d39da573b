"""Demo content (``manage.py load_demo``): watched terms in five languages, the
clarifications listing in Vietnamese and English, and one published clarification
answering a demo news item when the aggregator has one. Running it again adds nothing."""

from datetime import date

from wagtail.models import Locale, Page

from cms.aggregator.models import Item
from cms.core.pages import home_pages

from .matching import match_items, term_matches
from .models import AnsweredClaim, ClarificationIndexPage, ClarificationPage, Rating, WatchedTerm

TERMS = [
    ("vi", "vịnh Hạ Long", "Tin đồn về việc đóng cửa vịnh."),
    ("en", "Ha Long Bay", "Reports that the bay is closed."),
    ("lo", "ອ່າວຮ່າລອງ", ""),
    ("km", "ឈូងសមុទ្រហាឡុង", ""),
    ("zh-hans", "下龙湾", ""),
]
INDEX = {
    "vi": ("lam-ro", "Làm rõ thông tin", "Sự thật chính thức trả lời những thông tin sai lệch."),
    "en": ("clarifications", "Clarifications", "Official facts answering distorted information."),
}
CLARIFICATION = {
    "vi": {
        "slug": "vinh-ha-long-van-mo-cua",
        "title": "Vịnh Hạ Long vẫn mở cửa đón khách",
        "standfirst": "Vịnh Hạ Long không đóng cửa; tàu du lịch hoạt động hằng ngày.",
        "claim": "Vịnh Hạ Long đóng cửa với mọi du khách suốt mùa hè.",
        "facts": "<p>Ban quản lý vịnh Hạ Long chưa từng thông báo đóng cửa vịnh "
        "(nội dung mẫu).</p>",
    },
    "en": {
        "slug": "ha-long-bay-is-open",
        "title": "Ha Long Bay is open to visitors",
        "standfirst": "Ha Long Bay is not closed; tour boats sail every day.",
        "claim": "Ha Long Bay is closed to all visitors for the whole summer.",
        "facts": "<p>The Ha Long Bay management board has announced no closure (demo content).</p>",
    },
}
OUTLET = "Example News (demo)"
CLAIM_URL = "https://example.com/news/ha-long-closed"


def _index(code: str, source: ClarificationIndexPage | None) -> ClarificationIndexPage | None:
    existing = ClarificationIndexPage.objects.filter(locale__language_code=code).first()
    if existing:
        return existing
    home = home_pages().filter(locale__language_code=code).first()
    if home is None:
        return None
    slug, title, intro = INDEX[code]
    if source is None:
        page = home.add_child(instance=ClarificationIndexPage(title=title, slug=slug, intro=intro))
    else:
        page = source.copy_for_translation(Locale.objects.get(language_code=code)).specific
        page.title, page.slug, page.intro = title, slug, intro
    page.save_revision().publish()
    return page


def _demo_item() -> Item | None:
    terms = [term for _code, term, _note in TERMS]
    for item in Item.objects.order_by("-sort_at")[:500]:
        if any(term_matches(term, item.title, item.summary) for term in terms):
            return item
    return None


def _clarification(parent: Page, code: str, source: ClarificationPage | None, item):
    spec = CLARIFICATION[code]
    existing = ClarificationPage.objects.filter(
        locale__language_code=code, slug=spec["slug"]
    ).first()
    if existing:
        if item is not None and not existing.answered_claims.exists():
            # The aggregator's demo items arrived after the clarification: link one now.
            existing.answered_claims = [AnsweredClaim(item=item)]
            existing.save_revision().publish()
        return existing, False
    if source is None:
        page = ClarificationPage(slug=spec["slug"])
    else:
        page = source.copy_for_translation(Locale.objects.get(language_code=code)).specific
    for name in ("title", "standfirst", "claim", "facts"):
        setattr(page, name, spec[name])
    page.slug = spec["slug"]
    page.claim_outlet, page.claim_url = OUTLET, CLAIM_URL
    page.claim_date, page.rating = date(2026, 6, 1), Rating.FALSE
    page.answered_claims = [AnsweredClaim(item=item)] if item else []
    if source is None:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load_demo(stdout) -> None:
    created_terms = 0
    for code, term, note in TERMS:
        _obj, created = WatchedTerm.objects.get_or_create(
            language=code, term=term, defaults={"note": note}
        )
        created_terms += created
    vi_index = _index("vi", None)
    if vi_index is None:
        stdout.write("Clarifications: no Vietnamese home page, nothing to add.")
        return
    en_index = _index("en", vi_index)
    item = _demo_item()
    page, created = _clarification(vi_index, "vi", None, item)
    if en_index is not None:
        _clarification(en_index, "en", page, item)
    matched = match_items(Item.objects.values_list("pk", flat=True)) if created_terms else 0
    answering = f", answering item {item.pk}" if item and created else ""
    state = "created" if created else "kept"
    stdout.write(
        f"Clarifications: {created_terms} watched terms added, demo clarification {state}"
        f"{answering}, {matched} matches"
    )
