import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from cms.people.dates import PartialDate, validate_partial_date
from cms.people.models import PeopleIndexPage, ProfilePage
from cms.search.models import SearchDocument
from cms.taxonomy.models import Province
from tests.cms.people.factories import ProfilePageFactory
from tests.cms.people.support import HOSTILE, assert_inert, json_ld, translate_and_publish

pytestmark = pytest.mark.django_db


def index(code: str) -> PeopleIndexPage:
    return PeopleIndexPage.objects.get(locale__language_code=code)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("code", "title", "born"),
    [
        ("vi", "Trần Văn Thử", "28 tháng 2, 1939"),
        ("lo", "ທ່ານ ສົມພອນ ທົດລອງ", "28 ກຸມພາ 1939"),
        ("km", "លោក សុខ សាកល្បង", "28 កុម្ភៈ 1939"),
        ("zh-hans", "测试人物", "1939年2月28日"),
    ],
)
def test_profile_in_each_script(client, code, title, born):
    page = ProfilePageFactory(
        parent=index(code),
        title=title,
        slug=f"person-{code}",
        field="music",
        birth_date="1939-02-28",
        death_date="2001",
        birth_place="Huế",
        province=Province.objects.get(code="hue"),
        achievements=[("achievement", {"year": 1972, "text": "Đĩa vàng"})],
        quotes=[("quote", {"quote": "Sống trong đời sống", "context": "Bài hát"})],
    )
    response = client.get(page.url)
    html = soup(response)
    assert html.h1.text == title
    facts = html.select_one(".profile__facts").text
    assert born in facts and "2001" in facts
    assert html.select_one(".profile__facts time")["datetime"] == "1939-02-28"
    assert "1972 Đĩa vàng" in html.select_one(".profile__achievements").text
    assert html.select_one(".profile__quotes footer").text == "Bài hát"

    person = json_ld(response.content, "Person")
    assert person["name"] == title
    assert person["birthDate"] == "1939-02-28"
    assert person["deathDate"] == "2001"
    assert person["birthPlace"] == {"@type": "Place", "name": "Huế"}
    assert person["award"] == ["Đĩa vàng"]
    assert person["url"].endswith(page.url)

    listing = soup(client.get(index(code).url))
    names = [a.text for a in listing.select(".person-card h3 a")]
    assert title in names
    assert all(name != "Trần Văn Thử" for name in names) or code == "vi"


def test_listing_filters_by_field_and_ignores_unknown_fields(client):
    lo = index("lo")
    ProfilePageFactory(parent=lo, title="ນັກວິທະຍາສາດ", slug="scientist", field="science")
    ProfilePageFactory(parent=lo, title="ນັກກິລາ", slug="athlete", field="sport")
    names = lambda r: {a.text for a in soup(r).select(".person-card h3 a")}  # noqa: E731
    assert names(client.get(lo.url + "?field=science")) == {"ນັກວິທະຍາສາດ"}
    unknown = client.get(lo.url + "?field=astrology")
    assert unknown.status_code == 200
    assert {"ນັກວິທະຍາສາດ", "ນັກກິລາ"} <= names(unknown)


@pytest.mark.parametrize(
    "query", ["?page=1&page=2", "?field=%00", "?field=" + "a" * 300, "?page=%ff"]
)
def test_bad_parameters_get_400(client, query):
    response = client.get(index("en").url + query)
    assert response.status_code == 400
    assert "Bad parameter" in response.content.decode()


def test_demo_profiles_in_vietnamese_and_english(client):
    vi = {p.slug for p in ProfilePage.objects.child_of(index("vi")).live()}
    assert {"trinh-cong-son", "ngo-bao-chau"} <= vi
    en = ProfilePage.objects.child_of(index("en")).live()
    assert "Ngô Bảo Châu" in {p.title for p in en}
    page = en.get(title="Trịnh Công Sơn")
    assert page.birth_date == "1939-02-28" and page.portrait_image_id
    response = client.get(page.url)
    assert json_ld(response.content, "Person")["image"].startswith("http")
    assert "February 28, 1939" in response.content.decode()


def test_hostile_title_is_text_everywhere(client):
    page = ProfilePageFactory(parent=index("en"), title=HOSTILE, slug="hostile", standfirst=HOSTILE)
    response = client.get(page.url)
    assert_inert(response.content)
    assert json_ld(response.content, "Person")["name"] == HOSTILE
    feed = feedparser.parse(client.get(index("en").url + "feed/rss/").content)
    assert HOSTILE in [entry.title for entry in feed.entries]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_list_the_languages_own_profiles(client, kind):
    ProfilePageFactory(parent=index("km"), title="លោក ខ្មែរ", slug="khmer-person")
    ProfilePageFactory(parent=index("lo"), title="ທ່ານ ລາວ", slug="lao-person")
    response = client.get(index("km").url + f"feed/{kind}/")
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert "លោក ខ្មែរ" in titles and "ທ່ານ ລາວ" not in titles
    assert feed.feed.title == index("km").title
    assert all(entry.link.startswith("http://testserver/km/") for entry in feed.entries)


def test_listing_head_names_its_feeds(client):
    html = soup(client.get(index("en").url))
    hrefs = {link["href"] for link in html.select('head link[type="application/rss+xml"]')}
    assert index("en").url + "feed/rss/" in hrefs


@pytest.mark.parametrize("text", ["1939-13", "39", "1939-02-30", "1939/02/28", "abc"])
def test_partial_dates_refuse_what_is_not_a_date(text):
    with pytest.raises(ValidationError):
        validate_partial_date(text)


def test_partial_dates_keep_their_precision():
    assert PartialDate.parse("1939").iso() == "1939"
    assert PartialDate.parse("1939-02").display("en") == "February 1939"
    assert PartialDate.parse("") is None


def test_dates_and_portrait_are_synchronised_text_is_translated():
    fields = {f.field_name: type(f) for f in get_translatable_fields(ProfilePage)}
    assert fields["birth_date"] is SynchronizedField
    assert fields["death_date"] is SynchronizedField
    assert fields["portrait_image"] is SynchronizedField
    assert fields["field"] is SynchronizedField
    assert fields["standfirst"] is TranslatableField
    assert fields["quotes"] is TranslatableField


def test_search_indexes_profiles_in_their_language():
    page = ProfilePageFactory(parent=index("lo"), title="ທ່ານ ຄົ້ນຫາ", slug="searchable")
    document = SearchDocument.objects.get(object_id=page.pk)
    assert document.language == "lo"
    assert document.title == "ທ່ານ ຄົ້ນຫາ"
    assert document.section == index("lo").slug


def test_translation_review_publishes_profile_with_synchronised_dates(installed_models):
    source = ProfilePage.objects.get(slug="ngo-bao-chau", locale__language_code="vi")
    lao = translate_and_publish(source, "lo")
    assert lao.birth_date == source.birth_date
    assert lao.portrait_image_id == source.portrait_image_id
    assert lao.field == source.field
    assert lao.standfirst != source.standfirst  # machine-drafted, then approved
    assert lao.get_parent().specific == index("lo")


def test_demo_content_is_idempotent():
    from cms.events.demo import load as load_events
    from cms.people.demo import load as load_people
    from cms.press.demo import load as load_press

    before = Page.objects.count()
    load_people(None)
    load_events(None)
    load_press(None)
    assert Page.objects.count() == before


def test_footer_links_the_languages_listings(client):
    from cms.events.models import EventIndexPage
    from cms.press.models import PressReleaseIndexPage

    html = soup(client.get("/km/"))
    hrefs = {a["href"] for a in html.select(".footer-links a")}
    for model in (PeopleIndexPage, EventIndexPage, PressReleaseIndexPage):
        assert model.objects.get(locale__language_code="km").url in hrefs
