"""Example answer of `/api/v3/events/`, shown in the OpenAPI schema (and validated against it
by tests/site/test_api_schema.py)."""

BASE = "https://glokal.example"

EVENT = {
    "id": 88,
    "title": "Kooperationsbörse Erzgebirge",
    "locale": "de",
    "url": f"{BASE}/de/veranstaltungen/kooperationsboerse-erzgebirge/",
    "detail_url": f"{BASE}/api/v3/pages/88/",
    "ical_url": f"{BASE}/de/veranstaltungen/kooperationsboerse-erzgebirge/ical/",
    "start": "2025-05-14T09:00:00+02:00",
    "end": "2025-05-14T16:00:00+02:00",
    "all_day": False,
    "status": "scheduled",
    "event_format": {"code": "cooperation-exchange", "name": "Kooperationsbörse"},
    "series": {"id": 80, "slug": "kooperation-vor-ort", "title": "Kooperation vor Ort"},
    "summary": "Unternehmen aus Sachsen und Tschechien treffen sich zu vereinbarten Gesprächen.",
    "venue_name": "Kulturhaus",
    "venue_city": "Annaberg-Buchholz",
    "venue_country": "DE",
    "attendance_mode": "offline",
    "registration_open": True,
}
EVENT_LIST = {"count": 1, "limit": 20, "offset": 0, "items": [EVENT]}
