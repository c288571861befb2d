"""The seeded taxonomies and their admin: translated, language-neutral codes, staff only."""

import pytest
from django.contrib.auth import get_user_model

from directory.models import Certification, Region, Sector

pytestmark = pytest.mark.django_db


def test_regions_sectors_and_certifications_are_seeded_in_three_languages(locales):
    assert Region.objects.count() == 16 * 3
    assert Sector.objects.count() == 20 * 3
    assert Certification.objects.count() == 10 * 3
    assert Region.objects.filter(in_project_area=True, locale=locales["de"]).count() == 12
    usti = {r.locale.language_code: r for r in Region.objects.filter(code="CZ042")}
    assert {code: region.name for code, region in usti.items()} == {
        "de": "Region Aussig",
        "cs": "Ústecký kraj",
        "en": "Ústí nad Labem Region",
    }
    # Translations of one another, with the same code and slug in every language.
    assert len({region.translation_key for region in usti.values()}) == 1
    assert {region.slug for region in usti.values()} == {"cz042"}
    machinery = Sector.objects.get(slug="mechanical-engineering", locale=locales["cs"])
    assert (machinery.name, machinery.nace_codes) == ("Strojírenství", "C28")


def test_taxonomy_admin_is_one_menu_group_for_staff_only(client, locales):
    url = "/admin/snippets/directory/region/"
    assert client.get(url).status_code == 302
    visitor = get_user_model().objects.create_user("visitor", "v@glokal.example", "pw")
    client.force_login(visitor)
    assert client.get(url).status_code in (302, 403)

    admin = get_user_model().objects.create_superuser("admin", "a@glokal.example", "pw")
    client.force_login(admin)
    listing = client.get(url, {"q": "CZ042"})
    assert listing.status_code == 200
    assert "Region Aussig" in listing.content.decode()
    # Regions, sectors and certifications share one menu group.
    menu = client.get("/admin/").content.decode()
    for model in ("region", "sector", "certification"):
        assert f"/admin/snippets/directory/{model}/" in menu
