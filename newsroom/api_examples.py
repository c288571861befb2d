"""Example answers of the newsroom's API operations, shown in the OpenAPI schema.

tests/site/test_api_schema.py validates every example against the schema it illustrates.
"""

BASE = "https://glokal.example"

ARTICLE = {
    "id": 42,
    "title": "Workshop: Fördermittel für grenzüberschreitende Projekte",
    "locale": "de",
    "url": f"{BASE}/de/aktuelles/workshop-foerdermittel/",
    "detail_url": f"{BASE}/api/v3/pages/42/",
    "publication_date": "2024-04-18",
    "lead": "Wie kleine Unternehmen an Fördergeld für Projekte mit Partnern kommen.",
    "author_line": "Redaktion Glokal",
    "topics": [{"code": "funding", "slug": "funding", "name": "Förderung"}],
}
ARTICLE_LIST = {"count": 1, "limit": 20, "offset": 0, "items": [ARTICLE]}

STORY = {
    "id": 57,
    "title": "Glas aus Nordböhmen für Dresdner Labore",
    "locale": "de",
    "url": f"{BASE}/de/erfolgsgeschichten/glas-fuer-labore/",
    "detail_url": f"{BASE}/api/v3/pages/57/",
    "publication_date": "2024-09-24",
    "summary": "Eine Glashütte und ein Forschungsinstitut entwickeln gemeinsam Laborglas.",
    "featured": True,
    "sectors": ["glass-ceramics"],
    "regions": ["CZ051", "DED21"],
    "countries": ["CZ", "DE"],
    "sector_list": [{"code": "glass-ceramics", "name": "Glas und Keramik"}],
    "region_list": [
        {"code": "CZ051", "name": "Liberecký kraj"},
        {"code": "DED21", "name": "Dresden"},
    ],
}
STORY_LIST = {"count": 1, "limit": 20, "offset": 0, "items": [STORY]}

CONTACT = {
    "id": 7,
    "locale": "de",
    "name": "Katrin Vogel",
    "role": "Projektkoordination",
    "organisation": "Wirtschaftsförderung Sachsen",
}
CONTACT_LIST = {"count": 1, "limit": 20, "offset": 0, "items": [CONTACT]}
