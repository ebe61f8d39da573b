"""Load the 34 provinces from the shipped CSV files, keeping the source's confidence."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import Province

DATA_DIR = Path(__file__).resolve().parent / "data"
PROVINCES_CSV = DATA_DIR / "provinces_2025.csv"
GEOGRAPHY_CSV = DATA_DIR / "provinces_2025_geography.csv"

UNCHANGED_MARKERS = {"(unchanged)", "(không sáp nhập)"}


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0


def _former(value: str) -> str:
    return "" if value.strip() in UNCHANGED_MARKERS else value.strip()


def read_provinces(
    provinces_csv: Path = PROVINCES_CSV, geography_csv: Path = GEOGRAPHY_CSV
) -> list[dict]:
    with open(geography_csv, encoding="utf-8", newline="") as handle:
        geography = {row["no"]: row for row in csv.DictReader(handle)}
    rows = []
    with open(provinces_csv, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            geo = geography[row["no"]]
            rows.append(
                {
                    "number": int(row["no"]),
                    "code": geo["code"],
                    "name_vi": row["name_vi"].strip(),
                    "name_en": row["name_en"].strip(),
                    "unit_type": row["unit_type"].strip(),
                    "region": geo["region"],
                    "border_countries": geo["border_countries"].strip(),
                    "former_provinces_vi": _former(row["merged_from_vi"]),
                    "former_provinces_en": _former(row["merged_from_en"]),
                    "administrative_centre": row["political_administrative_centre"].strip(),
                    "centre_evidence": row["centre_evidence"].strip(),
                    "portal_domain": row["portal_domain"].strip(),
                    "portal_evidence": row["domain_evidence"].strip(),
                    "portal_confidence": row["confidence"].strip() or "medium",
                    "notes": row["notes"].strip(),
                }
            )
    return rows


@transaction.atomic
def load_provinces() -> LoadResult:
    result = LoadResult()
    for row in read_provinces():
        number = row.pop("number")
        _, created = Province.objects.update_or_create(number=number, defaults=row)
        if created:
            result.created += 1
        else:
            result.updated += 1
    return result
