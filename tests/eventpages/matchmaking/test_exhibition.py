"""The accompanying exhibition: exhibitors on the event page, filterable, and on the profile;
and a participant prefilled from the linked directory profile."""

import pytest

from directory.factories import DirectoryIndexPageFactory, OrganisationPageFactory
from directory.models import Sector
from eventpages.matchmaking import access
from eventpages.matchmaking.models import Exhibitor
from eventpages.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(home_pages):
    index = DirectoryIndexPageFactory(parent=home_pages["de"])
    metal = Sector.objects.get(slug="metalworking", locale__language_code="de")
    return {
        "elbtal": OrganisationPageFactory(
            parent=index,
            title="Elbtal Präzisionsteile",
            sectors=[metal],
            languages="de,cs,pl",
            offers=[
                ("offer", {"title": "Präzisionsdrehteile", "description": "", "sector": metal})
            ],
            seeks=[
                (
                    "seek",
                    {"kind": "workers", "title": "Zerspaner", "description": "", "sector": None},
                )
            ],
        ),
        "sokolov": OrganisationPageFactory(
            parent=index, title="Sokolovská strojírna", country="CZ"
        ),
        "metal": metal,
    }


def test_exhibitors_on_the_event_page_filtered_by_sector_and_on_the_profile(
    client, event, matchmaking, organisations
):
    Exhibitor.objects.create(
        event=event,
        organisation_page=organisations["elbtal"],
        booth="B1",
        short_text="Drehteile in Kleinserien",
        sector=organisations["metal"],
    )
    Exhibitor.objects.create(
        event=event,
        organisation_page=organisations["sokolov"],
        booth="A2",
        sector=Sector.objects.get(slug="mechanical-engineering", locale__language_code="de"),
    )
    page = client.get(event.url).content.decode()
    assert "Stand B1" in page and "Drehteile in Kleinserien" in page and "Stand A2" in page
    filtered = client.get(event.url, {"exhibitor_sector": "metalworking"}).content.decode()
    assert "Stand B1" in filtered and "Stand A2" not in filtered
    profile = client.get(organisations["elbtal"].url).content.decode()
    assert "Stellt aus bei" in profile and event.title in profile


def test_a_participant_is_prefilled_from_the_linked_profile(matchmaking, event, organisations):
    registration = Registration.objects.create(
        event=event,
        email="anja@example.de",
        name="Anja Richter",
        country="CZ",
        preferred_language="de",
        organisation_page=organisations["elbtal"],
        privacy_consent=True,
    )
    participant = access.create_participant(matchmaking, registration)
    assert participant.organisation_name == "Elbtal Präzisionsteile"
    assert participant.country == "DE" and participant.languages == ["de", "cs"]
    assert list(participant.sectors.all()) == [organisations["metal"]]
    items = {(i.direction, i.kind, i.title, i.status) for i in participant.items.all()}
    assert items == {
        ("offer", "product", "Präzisionsdrehteile", "pending"),
        ("request", "workers", "Zerspaner", "pending"),
    }
