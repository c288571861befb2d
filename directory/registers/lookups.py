"""The two public registers, asked over their JSON interfaces.

ARES (the Czech register of economic subjects) answers GET /ekonomicke-subjekty/{IČO} with the
subject or 404; VIES (the EU's VAT information exchange) answers POST /check-vat-number with
`valid`, or with `errorWrappers` when a member state's service is down. A register that cannot
be reached, or answers something else, is recorded as "did not answer", never as an error page.
"""

from dataclasses import dataclass

import requests
from django.conf import settings

from ..models import RegisterCheck

Outcome = RegisterCheck.Outcome

# VIES error codes that say the number itself is malformed, not that the service is down.
VIES_INPUT_ERRORS = {"INVALID_INPUT", "INVALID_REQUESTER_INFO"}


@dataclass(frozen=True)
class Answer:
    outcome: str
    registered_name: str = ""
    registered_address: str = ""
    detail: str = ""


def unreachable(detail):
    return Answer(Outcome.UNAVAILABLE, detail=detail[:255])


def _json(response):
    try:
        payload = response.json()
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def ask_ares(ico):
    url = f"{settings.ARES_URL.rstrip('/')}/ekonomicke-subjekty/{ico}"
    try:
        response = requests.get(
            url, headers={"Accept": "application/json"}, timeout=settings.REGISTER_CHECK_TIMEOUT
        )
    except requests.RequestException as exc:
        return unreachable(exc.__class__.__name__)
    payload = _json(response)
    if response.status_code in (400, 404):
        detail = (payload or {}).get("kod", "") or f"HTTP {response.status_code}"
        return Answer(Outcome.NOT_FOUND, detail=str(detail)[:255])
    if response.status_code != 200 or payload is None:
        return unreachable(f"HTTP {response.status_code}")
    return Answer(
        Outcome.CONFIRMED,
        registered_name=str(payload.get("obchodniJmeno", ""))[:255],
        registered_address=str((payload.get("sidlo") or {}).get("textovaAdresa", ""))[:255],
    )


def ask_vies(vat_id):
    country, number = vat_id[:2].upper(), vat_id[2:]
    url = f"{settings.VIES_URL.rstrip('/')}/check-vat-number"
    try:
        response = requests.post(
            url,
            json={"countryCode": country, "vatNumber": number},
            timeout=settings.REGISTER_CHECK_TIMEOUT,
        )
    except requests.RequestException as exc:
        return unreachable(exc.__class__.__name__)
    payload = _json(response)
    if payload is None:
        return unreachable(f"HTTP {response.status_code}")
    errors = [wrapper.get("error", "") for wrapper in payload.get("errorWrappers") or []]
    if errors:
        if VIES_INPUT_ERRORS.intersection(errors):
            return Answer(Outcome.NOT_FOUND, detail=", ".join(errors)[:255])
        return unreachable(", ".join(errors))
    if response.status_code != 200 or "valid" not in payload:
        return unreachable(f"HTTP {response.status_code}")
    if not payload["valid"]:
        return Answer(Outcome.NOT_FOUND)
    # VIES prints "---" where a member state does not disclose the name or address.
    name, address = (
        "" if payload.get(key) in (None, "---") else str(payload[key])
        for key in ("name", "address")
    )
    return Answer(
        Outcome.CONFIRMED,
        registered_name=name[:255],
        registered_address=" ".join(address.split())[:255],
    )
