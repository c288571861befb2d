import pytest

pytestmark = pytest.mark.django_db


def test_page_renders(client, make_org, directory_indexes):
    org = make_org(
        title="Görlitzer Zulieferern GmbH",
        city="Ústí nad Labem",
        sectors=["mechanical-engineering"],
        region="DED2D",
    )
    assert org.search_tokens
    response = client.get(directory_indexes["de"].url)
    assert response.status_code == 200, response.content[:2000]
    assert "Görlitzer" in response.content.decode()
    response = client.get(org.url)
    assert response.status_code == 200
    response = client.get("/api/v3/directory/search/", {"q": "usti", "locale": "de"})
    assert response.status_code == 200, response.content
    print(response.json())
