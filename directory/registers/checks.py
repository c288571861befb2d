"""Which identifiers an organisation has, and recording what the registers say about them."""

from django.conf import settings

from ..models import OrganisationPage, RegisterCheck
from .lookups import ask_ares, ask_vies

Register = RegisterCheck.Register
BATCH = 200


def enabled():
    return settings.REGISTER_CHECKS


def identifiers_of(page):
    """(register, identifier) pairs a register can confirm: a Czech IČO, any EU VAT ID."""
    if page.country == "CZ" and page.ico:
        yield Register.ARES, page.ico
    if page.vat_id:
        yield Register.VIES, page.vat_id.replace(" ", "").upper()


def check_organisation(page, user=None):
    """Ask each register about each identifier of `page`; the stored RegisterChecks."""
    ask = {Register.ARES: ask_ares, Register.VIES: ask_vies}
    checks = []
    for register, identifier in identifiers_of(page):
        answer = ask[register](identifier)
        checks.append(
            RegisterCheck.objects.create(
                translation_key=page.translation_key,
                organisation_name=page.title[:255],
                register=register,
                identifier=identifier,
                outcome=answer.outcome,
                registered_name=answer.registered_name,
                registered_address=answer.registered_address,
                detail=answer.detail,
                checked_by=user,
            )
        )
    return checks


def organisations_with_identifiers(imported_only=False, unchecked_only=False, limit=0):
    """One page per organisation (whatever its languages) that has something to check, at most
    `limit` (0: all). Read in batches by id: no database cursor stays open between them."""
    pages = OrganisationPage.objects.exclude(ico="", vat_id="")
    if imported_only:
        pages = pages.exclude(import_source="")
    if unchecked_only:
        pages = pages.exclude(translation_key__in=RegisterCheck.objects.values("translation_key"))
    first_of = {}
    for pk, key in pages.order_by("translation_key", "pk").values_list("pk", "translation_key"):
        first_of.setdefault(key, pk)
    ids = list(first_of.values())[: limit or None]
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        found = OrganisationPage.objects.in_bulk(batch)
        yield from (found[pk] for pk in batch if pk in found)
