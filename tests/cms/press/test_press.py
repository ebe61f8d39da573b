import time
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from cms.press.models import PressReleaseIndexPage, PressReleasePage
from cms.search.models import SearchDocument
from tests.cms.people.support import HOSTILE, assert_inert, json_ld, translate_and_publish
from tests.cms.press.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db


def index(code: str) -> PressReleaseIndexPage:
    return PressReleaseIndexPage.objects.get(locale__language_code=code)


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.text for a in soup.select(".press-card h3 a")]


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("vi", "Thông cáo thử"),
        ("km", "សេចក្តីប្រកាសសាកល្បង"),
        ("zh-hans", "测试新闻稿"),
        ("lo", "ຖະແຫຼງການ"),
    ],
)
def test_release_in_each_script(client, code, title):
    document = Document.objects.create(
        title="Toàn văn", file=ContentFile(b"%PDF-1.4 test", name="full-text.pdf")
    )
    page = PressReleasePageFactory(
        parent=index(code),
        title=title,
        slug=f"release-{code}",
        spokesperson_name="Nguyễn Văn An",
        spokesperson_role="Người phát ngôn",
        spokesperson_email="press@example.org",
        spokesperson_phone="+84 24 3825 0000",
        attachments=[("attachment", {"document": document, "title": ""})],
    )
    response = client.get(page.url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.text == title
    contact = soup.select_one(".press-release__contact")
    assert "Nguyễn Văn An, Người phát ngôn" in contact.text
    assert contact.select_one('a[href="mailto:press@example.org"]')
    assert contact.select_one('a[href="tel:+842438250000"]')
    attachment = soup.select_one(".press-release__attachments a")
    assert attachment.text == "Toàn văn" and attachment["href"] == document.url

    article = json_ld(response.content, "NewsArticle")
    assert article["headline"] == title
    assert article["publisher"]["@type"] == "Organization" and article["publisher"]["name"]
    assert article["publisher"]["contactPoint"]["email"] == "press@example.org"
    assert article["datePublished"] == page.date_published.isoformat()
    assert article["inLanguage"] == code

    assert title in titles(client.get(index(code).url))
    others = [c for c in ("vi", "km", "zh-hans", "lo") if c != code]
    assert all(title not in titles(client.get(index(other).url)) for other in others)


def test_embargoed_release_appears_only_when_the_embargo_lifts(client):
    lift = (timezone.now() + timedelta(seconds=5)).replace(microsecond=0)
    page = PressReleasePageFactory.build(title="Cấm đăng trước giờ", slug="embargo")
    page.go_live_at = lift
    index("vi").add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get("/vi/thong-cao-bao-chi/embargo/").status_code == 404
    assert "Cấm đăng trước giờ" not in titles(client.get(index("vi").url))
    feed = feedparser.parse(client.get(index("vi").url + "feed/rss/").content)
    assert "Cấm đăng trước giờ" not in [entry.title for entry in feed.entries]
    assert not SearchDocument.objects.filter(object_id=page.pk).exists()

    time.sleep(max(0.0, (lift - timezone.now()).total_seconds()) + 0.2)
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    page.refresh_from_db()
    assert page.live
    assert page.date_published == lift, "never shown as released before the embargo"
    assert "Cấm đăng trước giờ" in titles(client.get(index("vi").url))
    assert SearchDocument.objects.filter(object_id=page.pk, language="vi").exists()


def test_hostile_title_is_inert(client):
    page = PressReleasePageFactory(parent=index("en"), title=HOSTILE, slug="hostile")
    response = client.get(page.url)
    assert_inert(response.content)
    assert json_ld(response.content, "NewsArticle")["headline"] == HOSTILE[:110]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse_newest_first(client, kind):
    old = PressReleasePageFactory(parent=index("km"), title="ចាស់", slug="old")
    old.date_published = timezone.now() - timedelta(days=3)
    old.save_revision().publish()
    PressReleasePageFactory(parent=index("km"), title="ថ្មី", slug="new")
    feed = feedparser.parse(client.get(index("km").url + f"feed/{kind}/").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["ថ្មី", "ចាស់"]


@pytest.mark.parametrize("query", ["?page=%00", "?page=1&page=2", "?page=" + "9" * 40])
def test_bad_parameters_get_400(client, query):
    assert client.get(index("en").url + query).status_code == 400


def test_demo_release_in_vietnamese_and_english(client):
    en = PressReleasePage.objects.live().get(locale__language_code="en")
    response = client.get(en.url)
    assert "Spokesperson" in response.content.decode()
    assert json_ld(response.content, "NewsArticle")["publisher"]["contactPoint"]["telephone"]


def test_contact_details_are_synchronised():
    fields = {f.field_name: type(f) for f in get_translatable_fields(PressReleasePage)}
    assert fields["spokesperson_email"] is SynchronizedField
    assert fields["spokesperson_phone"] is SynchronizedField
    assert fields["date_published"] is SynchronizedField


def test_translation_review_publishes_release(installed_models):
    source = PressReleasePage.objects.get(locale__language_code="vi")
    lao = translate_and_publish(source, "lo")
    assert lao.spokesperson_email == source.spokesperson_email
    assert lao.date_published == source.date_published
    assert lao.get_parent().specific == index("lo")


def test_translation_of_an_embargoed_release_keeps_the_embargo(client, installed_models):
    lift = (timezone.now() + timedelta(seconds=20)).replace(microsecond=0)
    page = PressReleasePageFactory.build(title="Thông cáo cấm đăng", slug="embargo-lo")
    page.go_live_at = lift
    index("vi").add_child(instance=page)
    page.save_revision().publish()
    lao = translate_and_publish(PressReleasePage.objects.get(pk=page.pk), "lo", live=False)
    assert lao.go_live_at == lift
    assert client.get(lao.get_url()).status_code == 404

    time.sleep(max(0.0, (lift - timezone.now()).total_seconds()) + 0.2)
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    lao.refresh_from_db()
    assert lao.live and lao.date_published == lift
