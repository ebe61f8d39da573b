from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from cms.taxonomy.loading import load_provinces, read_provinces
from cms.taxonomy.models import Province

pytestmark = pytest.mark.django_db


def test_csv_has_the_34_units_of_2025():
    rows = read_provinces()
    assert len(rows) == 34
    assert sum(row["unit_type"] == "centrally-run city" for row in rows) == 6
    assert len({row["code"] for row in rows}) == 34


def test_confidence_and_evidence_are_kept():
    hue = Province.objects.get(code="hue")
    assert hue.portal_domain == "hue.gov.vn"
    assert hue.portal_confidence == "medium"
    assert "huecity.gov.vn" in hue.portal_evidence
    assert Province.objects.get(code="hanoi").portal_confidence == "high"


def test_merged_and_unchanged_provinces():
    with translation.override("en"):
        assert Province.objects.get(code="hanoi").former_provinces == ""
        assert "Quang Binh" in Province.objects.get(code="quang-tri").former_provinces


@pytest.mark.parametrize(
    ("code", "countries"),
    [("dien-bien", ["China", "Laos"]), ("quang-ngai", ["Laos", "Cambodia"]), ("hanoi", [])],
)
def test_border_countries(code, countries):
    with translation.override("en"):
        assert Province.objects.get(code=code).border_country_names == countries


def test_names_are_translated_with_fallback_to_english():
    hanoi = Province.objects.get(code="hanoi")
    with translation.override("vi"):
        assert hanoi.name == "Thành phố Hà Nội"
    with translation.override("en"):
        assert hanoi.name == "Hanoi"
    with translation.override("lo"):
        assert hanoi.name == "ຮ່າໂນ້ຍ"
    with translation.override("th"):  # no Thai name: English
        assert hanoi.name == "Hanoi"


def test_reloading_updates_in_place():
    Province.objects.filter(code="hanoi").update(portal_domain="wrong.example")
    result = load_provinces()
    assert (result.created, result.updated) == (0, 34)
    assert Province.objects.get(code="hanoi").portal_domain == "hanoi.gov.vn"


def test_load_provinces_command_reloads_them():
    Province.objects.filter(code="hanoi").update(portal_domain="wrong.example")
    out = StringIO()
    call_command("load_provinces", stdout=out)
    assert out.getvalue().strip() == "Provinces: 0 created, 34 updated"
    assert Province.objects.get(code="hanoi").portal_domain == "hanoi.gov.vn"
