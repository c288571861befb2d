"""Creates the demo request boards and the sourcing requests of requests.yaml, with their
answers; one is closed with a supplier found. Running it again only adds what is missing."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from glokal.demo_tools import (
    add_live_child,
    ensure_page_in_languages,
    home_page,
    read_data,
)

from ..models import (
    Certification,
    OrganisationPage,
    Region,
    RequestBoardPage,
    Sector,
    SourcingRequestPage,
)
from ..models.sourcing import SupplyAnswer

LANGUAGE_CODES = ("de", "cs", "en")


def request_data():
    return read_data(__file__, "requests.yaml")


def _in_language(model, field, values, locale):
    return list(model.objects.filter(locale=locale, **{f"{field}__in": values}))


def _fields(item, language, organisation, locale):
    texts = item["texts"][language]
    deadline = timezone.localdate() + datetime.timedelta(days=item["deadline_in_days"])
    return {
        "title": texts["title"],
        "summary": texts["summary"],
        "description": texts["description"],
        "quantity": texts.get("quantity", ""),
        "organisation": organisation,
        "request_type": item["type"],
        "nace_code": item.get("nace", ""),
        "frequency": item.get("frequency", ""),
        "max_distance_km": item.get("max_distance_km"),
        "languages": item["languages"],
        "deadline": deadline,
        "confidential": item.get("confidential", False),
        "search_description": texts["summary"][:160],
    }


def _relations(page, item, locale):
    page.sectors.set(_in_language(Sector, "slug", item["sectors"], locale))
    page.certifications.set(
        _in_language(Certification, "slug", item.get("certifications", []), locale)
    )
    page.delivery_regions.set(_in_language(Region, "code", item.get("regions", []), locale))
    page.save()


def _answers(source, item, organisations):
    created = 0
    for answer in item.get("answers", []):
        supplier = organisations[answer["supplier"]]
        _row, was_created = SupplyAnswer.objects.get_or_create(
            request_key=source.translation_key,
            supplier_name=supplier.title,
            defaults={
                "request": source,
                "contact_name": supplier.contacts.first().name
                if supplier.contacts.exists()
                else supplier.title,
                "email": supplier.contacts.first().email
                if supplier.contacts.exists()
                else "info@example.org",
                "country": supplier.country,
                "message": answer["message"],
                "language": answer["language"],
                "status": answer.get("status", SupplyAnswer.Status.NEW),
                "supplier_shares_address": answer.get("share", False),
                "requester_shares_address": answer.get("share", False),
            },
        )
        created += int(was_created)
    return created


def load():
    """Create whatever is missing; return how many objects were created."""
    data = request_data()
    board_de, created = ensure_page_in_languages(home_page("de"), RequestBoardPage, data["board"])
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGE_CODES}
    boards = {code: board_de.get_translation(locales[code]).specific for code in LANGUAGE_CODES}
    for item in data["requests"]:
        slug = item["slug"]
        versions = {
            page.locale.language_code: page
            for page in SourcingRequestPage.objects.filter(slug=slug).select_related("locale")
        }
        requester = OrganisationPage.objects.filter(slug=item["organisation"]).first()
        if requester is None:
            continue
        source_language = "cs" if requester.country == "CZ" else "de"
        order = [source_language] + [code for code in LANGUAGE_CODES if code != source_language]
        for code in order:
            if code in versions:
                continue
            organisation = OrganisationPage.objects.get(
                slug=item["organisation"], locale=locales[code]
            )
            page = SourcingRequestPage(
                slug=slug, **_fields(item, code, organisation, locales[code])
            )
            if versions:
                page.translation_key = versions[source_language].translation_key
            add_live_child(boards[code], page)
            _relations(page, item, locales[code])
            versions[code] = page
            created += 1
        source = versions[source_language]
        suppliers = {
            org.slug: org
            for org in OrganisationPage.objects.filter(
                locale=locales["de"], slug__in=[a["supplier"] for a in item.get("answers", [])]
            )
        }
        created += _answers(source, item, suppliers)
        if item.get("outcome") and not source.outcome:
            SourcingRequestPage.objects.filter(translation_key=source.translation_key).update(
                outcome=item["outcome"], closed_at=timezone.now()
            )
    return created
