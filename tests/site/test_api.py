import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "title"), [("de", "Startseite"), ("cs", "Úvodní stránka"), ("en", "Home")]
)
def test_api_lists_site_pages_in_every_locale(client, site_pages, code, title):
    response = client.get("/api/v3/pages/", {"locale": code, "limit": 50})
    assert response.status_code == 200
    items = response.json()["items"]
    assert title in {item["title"] for item in items}
    assert {item["meta"]["locale"] for item in items} == {code}


def test_api_exposes_standard_page_fields(client, site_pages):
    listing = client.get(
        "/api/v3/pages/", {"locale": "en", "type": "glokal.StandardPage", "limit": 50}
    )
    page = next(item for item in listing.json()["items"] if item["title"] == "The project")
    detail = client.get(f"/api/v3/pages/{page['id']}/").json()
    assert detail["introduction"].startswith("Glokal is a project")
    assert [block["type"] for block in detail["body"]][:2] == ["heading", "paragraph"]


def test_openapi_schema_documents_the_page_types(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    assert any("StandardPage" in name for name in schema["components"]["schemas"])
