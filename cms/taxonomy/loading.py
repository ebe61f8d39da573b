"""Load the 34 provinces from the shipped CSV files, keeping the source's confidence.

Names: Vietnamese and English come from provinces_2025.csv, the other languages from
province_names.csv (one column per language code; add a column for a new language)."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import Province

DATA_DIR = Path(__file__).resolve().parent / "data"
PROVINCES_CSV = DATA_DIR / "provinces_2025.csv"
GEOGRAPHY_CSV = DATA_DIR / "provinces_2025_geography.csv"
NAMES_CSV = DATA_DIR / "province_names.csv"

UNCHANGED_MARKERS = {"(unchanged)", "(không sáp nhập)"}


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0


def _former(value: str) -> str:
    return "" if value.strip() in UNCHANGED_MARKERS else value.strip()


def read_names(names_csv: Path = NAMES_CSV) -> dict[str, dict[str, str]]:
    """{province number: {language code: name}} from the names file."""
    with open(names_csv, encoding="utf-8", newline="") as handle:
        return {
            row["no"]: {
                code: text.strip()
                for code, text in row.items()
                if code not in ("no", "code") and text and text.strip()
            }
            for row in csv.DictReader(handle)
        }


def read_provinces(
    provinces_csv: Path = PROVINCES_CSV,
    geography_csv: Path = GEOGRAPHY_CSV,
    names_csv: Path = NAMES_CSV,
) -> list[dict]:
    with open(geography_csv, encoding="utf-8", newline="") as handle:
        geography = {row["no"]: row for row in csv.DictReader(handle)}
    names = read_names(names_csv)
    rows = []
    with open(provinces_csv, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            geo = geography[row["no"]]
            rows.append(
                {
                    "number": int(row["no"]),
                    "code": geo["code"],
                    "name": row["name_vi"].strip(),
                    "names": {"en": row["name_en"].strip(), **names.get(row["no"], {})},
                    "unit_type": row["unit_type"].strip(),
                    "region": geo["region"],
                    "border_countries": geo["border_countries"].strip(),
                    "former_provinces": _former(row["merged_from_vi"]),
                    "former_provinces_translations": (
                        {"en": _former(row["merged_from_en"])}
                        if _former(row["merged_from_en"])
                        else {}
                    ),
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
    """Create or update the provinces. Names in languages the files do not have (given in
    the admin, e.g. for a language added later) are kept."""
    result = LoadResult()
    existing = {p.number: p for p in Province.objects.all()}
    for row in read_provinces():
        number = row.pop("number")
        province = existing.get(number)
        if province is not None:
            for store in ("names", "former_provinces_translations"):
                row[store] = {**(getattr(province, store) or {}), **row[store]}
            changed = any(province.__dict__.get(key) != value for key, value in row.items())
            if changed:
                for key, value in row.items():
                    setattr(province, key, value)
                province.save()
            result.updated += 1
            continue
        Province.objects.create(number=number, **row)
        result.created += 1
    return result
