"""Example answer of `/api/v3/directory/search/`, shown in the OpenAPI schema (and validated
against it by tests/site/test_api_schema.py)."""

SEARCH = {
    "count": 1,
    "page": 1,
    "page_size": 20,
    "results": [
        {
            "id": 215,
            "title": "Severočeské sklo s.r.o.",
            "url": "https://glokal.example/de/verzeichnis/severoceske-sklo/",
            "summary": "Laborglas und technische Glasrohre aus Nordböhmen.",
            "org_type": "company",
            "city": "Teplice",
            "country": "CZ",
            "region": "CZ042",
            "in_project_area": True,
            "sectors": ["glass-ceramics"],
            "latitude": 50.64,
            "longitude": 13.82,
            "is_seeking": True,
            "last_confirmed": "2025-03-02",
            "is_current": True,
            "languages": ["cs", "de"],
        }
    ],
    "facets": {
        "country": [{"value": "CZ", "label": "Tschechien", "count": 1}],
        "sector": [{"value": "glass-ceramics", "label": "Glas und Keramik", "count": 1}],
    },
    "sort": "relevance",
    "suggestion": None,
}
