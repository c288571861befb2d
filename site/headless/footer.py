"""`/api/v3/footer/`: the footer every page shows (partners, EU funding notice, legal pages),
for a decoupled front end or a partner site that must show the funding notice beside the
content it takes over. Read-only, in `?locale=` (else the negotiated language), falling back to
the default language's footer as the pages do.
"""

from typing import Annotated

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from wagtail.models import Locale

from ..frame import page_frame
from .content import display_html

router = Router(tags=["site"])

BASE = "https://glokal.example"


class PartnerOut(Schema):
    name: str
    role: str
    country: str
    description: str
    url: str


class LegalPageOut(Schema):
    title: str
    url: str


class FooterOut(Schema):
    locale: str
    about_text: str
    partners: list[PartnerOut]
    funding_notice: str
    programme_name: str
    funding_text: str
    legal_pages: list[LegalPageOut]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "locale": "de",
                    "about_text": "Glokal vernetzt Unternehmen im sächsisch-tschechischen Grenzraum.",
                    "partners": [
                        {
                            "name": "AHK Services s.r.o.",
                            "role": "Projektpartner",
                            "country": "Tschechien",
                            "description": "",
                            "url": "https://www.example.cz/",
                        }
                    ],
                    "funding_notice": "Kofinanziert von der Europäischen Union",
                    "programme_name": "Interreg Sachsen – Česko 2021–2027",
                    "funding_text": "<p>Gefördert aus dem Europäischen Fonds für regionale "
                    "Entwicklung.</p>",
                    "legal_pages": [{"title": "Impressum", "url": f"{BASE}/de/impressum/"}],
                }
            ]
        }
    }


@router.get(
    "/",
    response=FooterOut,
    summary="Read the footer and funding notice",
    operation_id="footer_detail",
)
def read_footer(
    request: HttpRequest,
    locale: Annotated[str | None, Query(example="cs", description="de, cs or en")] = None,
):
    """The footer in `locale`, or in the default language where it is not translated."""
    if locale and not Locale.objects.filter(language_code=locale).exists():
        raise HttpError(400, f"Unknown locale {locale[:10]!r}; use de, cs or en.")
    with translation.override(locale or translation.get_language()):
        frame = page_frame(request)
    footer = frame.footer
    if footer is None:
        raise HttpError(404, "No footer has been written yet.")
    return {
        "locale": footer.locale.language_code,
        "about_text": footer.about_text,
        "partners": [
            {
                "name": partner["name"],
                "role": partner["role"],
                "country": partner["country"],
                "description": partner["description"],
                "url": partner["external_url"] or "",
            }
            for partner in (block.value for block in footer.partners)
        ],
        "funding_notice": footer.funding_notice,
        "programme_name": footer.programme_name,
        "funding_text": display_html(footer.funding_text),
        "legal_pages": [
            {"title": page.title, "url": page.get_full_url(request)}
            for page in frame.legal_pages
            if page.live
        ],
    }
