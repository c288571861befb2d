"""`/api/v3/taxonomies/{kind}/`: the vocabularies partners filter by, as `{code, name}`.

Topics, sectors, regions, certifications and event formats, named in `?locale=` (German by
default). The codes are the same in every language; they are what the filters of the lists
and the embeds take.
"""

from typing import Annotated, Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from wagtail.models import Locale

router = Router(tags=["taxonomies"])

Kind = Literal["topics", "sectors", "regions", "certifications", "event-formats"]


class TaxonomyItem(Schema):
    code: str
    name: str


class TaxonomyList(Schema):
    kind: str
    locale: str
    items: list[TaxonomyItem]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "kind": "regions",
                    "locale": "cs",
                    "items": [
                        {"code": "CZ042", "name": "Ústecký kraj"},
                        {"code": "DED2D", "name": "Sächsische Schweiz-Osterzgebirge"},
                    ],
                }
            ]
        }
    }


def _rows(kind, locale):
    from directory.models import Certification, Region, Sector
    from eventpages.models import EventFormat
    from newsroom.models import Topic

    if kind == "event-formats":
        with translation.override(locale.language_code):
            return [{"code": value, "name": str(label)} for value, label in EventFormat.choices]
    model, code = {
        "topics": (Topic, "slug"),
        "sectors": (Sector, "slug"),
        "regions": (Region, "code"),
        "certifications": (Certification, "slug"),
    }[kind]
    rows = model.objects.filter(locale=locale).order_by("sort_order", "name")
    return [{"code": getattr(row, code), "name": row.name} for row in rows]


@router.get(
    "/{kind}/",
    response=TaxonomyList,
    summary="List a vocabulary",
    operation_id="taxonomies_list",
)
def list_taxonomy(
    request: HttpRequest,
    kind: Kind,
    locale: Annotated[str | None, Query(example="cs", description="de, cs or en")] = None,
):
    """Every entry of the vocabulary `kind`, as `{code, name}` in `locale`."""
    found = Locale.objects.filter(language_code=locale or "de").first()
    if found is None:
        raise HttpError(400, f"Unknown locale {locale[:10]!r}; use de, cs or en.")
    return {"kind": kind, "locale": found.language_code, "items": _rows(kind, found)}
