"""The directory's reference data: NUTS-3 regions, sectors and certifications, read from data/.

Seeded as Region, Sector and Certification snippets by migration 0002; the newsroom's story
filters use the same codes and names. regions.csv is the project's shared reference file as is.
"""

import csv
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent / "data"


class RegionRow(NamedTuple):
    code: str
    country: str
    in_project_area: bool
    name_de: str
    name_cs: str
    name_en: str


class SectorRow(NamedTuple):
    slug: str
    nace_codes: str
    name_de: str
    name_cs: str
    name_en: str


class CertificationRow(NamedTuple):
    slug: str
    name: str  # a standard's name is the same in every language


def _rows(file_name):
    with open(DATA / file_name, encoding="utf-8", newline="") as data:
        return list(csv.DictReader(data))


REGIONS = [
    RegionRow(
        row["nuts3"],
        row["country"],
        row["in_project_area"] == "yes",
        row["name_de"],
        row["name_cs"],
        row["name_en"],
    )
    for row in _rows("regions.csv")
]
SECTORS = [SectorRow(**row) for row in _rows("sectors.csv")]
CERTIFICATIONS = [CertificationRow(**row) for row in _rows("certifications.csv")]
