"""Province and topic names in every language, stored without a column per language."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from cms.settings.languages import parse_extra_languages
from cms.stories.models import StoryPage
from cms.taxonomy.loading import load_provinces
from cms.taxonomy.models import Province, Topic
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "hanoi", "hcmc"),
    [
        ("vi", "Thành phố Hà Nội", "Thành phố Hồ Chí Minh"),
        ("en", "Hanoi", "Ho Chi Minh City"),
        ("lo", "ຮ່າໂນ້ຍ", "ໂຮ່ຈິມິນ"),
        ("km", "ហាណូយ", "ហូជីមិញ"),
        ("ja", "ハノイ", "ホーチミン市"),
        ("ko", "하노이", "호찌민시"),
        ("zh-hans", "河内", "胡志明市"),
        ("ru", "Ханой", "Хошимин"),
    ],
)
def test_province_name_follows_the_active_language(language, hanoi, hcmc):
    with translation.override(language):
        assert Province.objects.get(code="hanoi").name == hanoi
        assert str(Province.objects.get(code="ho-chi-minh-city")) == hcmc


def test_every_province_and_topic_has_a_name_in_every_content_language():
    for province in Province.objects.all():
        missing = [c for c, _ in django_settings.LANGUAGES if not province.name_in(c)]
        assert not missing and len(set(province.names.values())) > 1, province.code
        assert set(province.names) >= {"en", "zh-hans", "lo", "km", "fr", "ru", "es", "ja", "ko"}
    for topic in Topic.objects.all():
        assert len(topic.names) == 9, topic.slug


def test_a_language_without_a_name_falls_back_to_english_then_vietnamese():
    hue = Province.objects.get(code="hue")
    hue.names = {"en": "Hue City (test)"}
    hue.save()
    hue = Province.objects.get(code="hue")
    with translation.override("ja"):
        assert hue.name == "Hue City (test)"
    hue.names = {}
    hue.save()
    with translation.override("ja"):
        assert Province.objects.get(code="hue").name == "Thành phố Huế"


def test_saving_while_another_language_is_active_keeps_the_vietnamese_column():
    with translation.override("ja"):
        hanoi = Province.objects.get(code="hanoi")
        assert hanoi.name == "ハノイ"
        hanoi.full_clean()
        hanoi.notes = "checked"
        hanoi.save()
    hanoi = Province.objects.only("code", "name").get(code="hanoi")  # name read when deferred
    with translation.override("vi"):
        assert hanoi.name == "Thành phố Hà Nội"
    assert Province.objects.filter(name="Thành phố Hà Nội", notes="checked").exists()
    assert Province.objects.order_by("name").first().name_vi.startswith("Thành phố")


def test_reloading_keeps_names_given_in_the_admin_for_other_languages():
    hanoi = Province.objects.get(code="hanoi")
    hanoi.names = {**hanoi.names, "rad": "Ha Nôi"}
    hanoi.save()
    load_provinces()
    hanoi = Province.objects.get(code="hanoi")
    assert hanoi.names["rad"] == "Ha Nôi" and hanoi.names["lo"] == "ຮ່າໂນ້ຍ"


def test_former_provinces_and_topic_descriptions_are_translated_too():
    quang_tri = Province.objects.get(code="quang-tri")
    with translation.override("en"):
        assert "Quang Binh" in quang_tri.former_provinces
    with translation.override("vi"):
        assert "Quảng Bình" in quang_tri.former_provinces
    topic = Topic.objects.get(slug="heritage")
    topic.description, topic.description_translations = "Di sản thế giới", {"fr": "Patrimoine"}
    topic.save()
    with translation.override("fr"):
        assert Topic.objects.get(slug="heritage").description == "Patrimoine"


@pytest.fixture
def ede(settings, tmp_path):
    """``EXTRA_LANGUAGES=rad:Ê Đê`` and ``setup_locales``, as in tests/cms/home."""
    settings.LANGUAGES = [*settings.LANGUAGES, *parse_extra_languages("rad:Ê Đê")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    call_command("setup_locales", stdout=StringIO())


def admin_form_fields(client, url) -> dict[str, str]:
    html = BeautifulSoup(client.get(url).content, "html.parser")
    form = html.select_one("form:has([name=number])")
    fields = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            fields[field["name"]] = chosen["value"] if chosen else ""
        elif field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        else:
            fields[field["name"]] = field.get("value", field.get_text())
    return fields


def test_a_new_language_gets_its_name_field_in_the_admin_and_on_its_pages(ede, client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    province = Province.objects.get(code="quang-ninh")
    url = f"/admin/snippets/taxonomy/province/edit/{province.pk}/"
    fields = admin_form_fields(client, url)
    assert fields["names-rad"] == "" and fields["names-lo"] == "ກວາງນິງ"
    assert "names-vi" not in fields and fields["name"] == "Tỉnh Quảng Ninh"

    fields["names-rad"] = "Kuang Ninh"
    response = client.post(url, fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    province.refresh_from_db()
    assert province.names["rad"] == "Kuang Ninh" and province.names["lo"] == "ກວາງນິງ"
    with translation.override("vi"):
        assert province.name == "Tỉnh Quảng Ninh"

    source = StoryPage.objects.live().get(locale__language_code="vi", slug="ha-long-bay")
    page = source.copy_for_translation(
        Locale.objects.get(language_code="rad"), copy_parents=True
    ).specific
    page.save_revision().publish()
    page.refresh_from_db()
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "Kuang Ninh" in html.select_one(".meta").get_text()

    out = StringIO()
    call_command("makemigrations", "taxonomy", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_a_name_too_long_is_refused_with_the_language_named(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    province = Province.objects.get(code="hanoi")
    url = f"/admin/snippets/taxonomy/province/edit/{province.pk}/"
    fields = admin_form_fields(client, url)
    fields["names-ja"] = "ハ" * 101
    response = client.post(url, fields)
    assert response.status_code == 200
    assert "日本語" in response.content.decode()
    assert Province.objects.get(code="hanoi").names["ja"] == "ハノイ"
