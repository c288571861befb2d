"""Realistic content for the query-count tests, and the check they share.

Each builder returns the pages a test opens; the amounts are those of a busy site (several
sectors, offers, contacts, programme items, cross-links), so a query per item would show.
"""

import datetime

from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from directory.factories import (
    DirectoryIndexPageFactory,
    OrganisationContactFactory,
    OrganisationPageFactory,
)
from directory.models import Certification, Region, Sector
from eventpages.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    SpeakerFactory,
)
from eventpages.models import EventPartner
from glokal.models import StandardPage
from newsroom.factories import (
    ContactPersonFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    TopicFactory,
)
from newsroom.models import NewsArticleEvent, NewsArticleOrganisation, StoryOrganisation

SECTORS = ["metalworking", "plastics", "electronics", "logistics"]
# Every public page, whatever its type and however much it shows (issue 10, section 3).
MAX_QUERIES = 15


def get_within_budget(client, assert_max_queries, url, *visible, params=None):
    """GET `url` twice (the first warms Wagtail's rendition cache) and check the second one:
    at most MAX_QUERIES queries, status 200 and every `visible` text on the page."""
    client.get(url, params)
    with assert_max_queries(MAX_QUERIES):
        response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    for text in visible:
        assert text in html, text
    return html


def image(title="Bild"):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


def _in_german(model, **lookup):
    return model.objects.get(locale__language_code="de", **lookup)


def directory(home_pages, organisations=8):
    """A German directory with a Czech translation, a full profile and more organisations."""
    index = DirectoryIndexPageFactory(parent=home_pages["de"])
    DirectoryIndexPageFactory(
        parent=home_pages["cs"],
        title="Adresář",
        slug="adresar",
        translation_key=index.translation_key,
    )
    sectors = [_in_german(Sector, slug=slug) for slug in SECTORS]
    offers = [
        ("offer", {"title": f"Angebot {n}", "description": "Serienfertigung.", "sector": sector})
        for n, sector in enumerate(sectors[:3])
    ]
    seeks = [
        ("seek", {"kind": "partners", "title": "Partner in Nordböhmen", "sector": sectors[0]}),
        ("seek", {"kind": "suppliers", "title": "Lieferant für Granulat", "sector": sectors[1]}),
    ]
    profile = OrganisationPageFactory.build(
        title="Elbtal Präzisionsteile",
        slug="elbtal",
        region=_in_german(Region, code="DED21"),
        logo=image("Logo"),
        offers=offers,
        seeks=seeks,
        ico="",
        vat_id="DE123456789",
        languages="de,cs,en",
        export_countries="CZ,PL,AT",
    )
    index.add_child(instance=profile)
    profile.sectors.set(sectors[:3])
    profile.certifications.set(Certification.objects.filter(locale__language_code="de")[:2])
    for name in ("Anja Richter", "Petr Novák", "Jana Krause"):
        OrganisationContactFactory(page=profile, name=name)
    profile.save_revision().publish()
    others = []
    for number in range(organisations):
        other = OrganisationPageFactory.build(title=f"Firma {number}", slug=f"firma-{number}")
        index.add_child(instance=other)
        other.sectors.set(sectors[number % 4 : number % 4 + 2])
        other.save_revision().publish()
        others.append(other)
    profile.refresh_from_db()
    return {"index": index, "profile": profile, "others": others}


def translation_of(page, language, **fields):
    """A published translation of `page` below the translation of its parent."""
    from glokal.demo_tools import ensure_translation

    translation, _created = ensure_translation(
        page, language, slug=f"{page.slug}-{language}", **fields
    )
    return translation


def newsroom(home_pages, organisations, events=()):
    """News and stories, many of them naming the given organisations."""
    picture = image()
    news_index = NewsIndexPageFactory(parent=home_pages["de"])
    story_index = StoryIndexPageFactory(parent=home_pages["de"])
    topics = [TopicFactory(slug=f"topic-{n}") for n in range(3)]
    contacts = [ContactPersonFactory() for _n in range(2)]
    articles = []
    for day in range(12):
        article = NewsArticlePageFactory(
            parent=news_index,
            title=f"Bericht {day:02d}",
            hero_image=picture,
            topics=topics,
            contact_persons=contacts,
            publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=day * 40),
            body=[
                ("paragraph", "<p>Ein Bericht aus der Grenzregion.</p>"),
                ("image", {"image": picture, "alt_text": "Werkhalle", "caption": "", "credit": ""}),
            ],
        )
        for organisation in organisations:
            NewsArticleOrganisation.objects.create(article=article, organisation=organisation)
        for event in events:
            NewsArticleEvent.objects.create(article=article, event=event)
        articles.append(article)
    stories = []
    for number in range(12):
        story = StoryPageFactory(
            parent=story_index,
            title=f"Geschichte {number:02d}",
            publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number * 30),
            hero_image=picture,
            regions=["CZ042", "DED2D"],
            sectors=SECTORS[:2],
            featured=True,
            figures=[("figure", {"value": "610 799,70 EUR", "label": "Budget"})],
            gallery=[("image", {"image": picture, "alt_text": "", "caption": "", "credit": ""})],
        )
        for organisation in organisations:
            StoryOrganisation.objects.create(story=story, organisation=organisation, role="Partner")
        story.contact_persons.set(contacts)
        story.save()
        stories.append(story)
    return {
        "news_index": news_index,
        "article": articles[-1],
        "story_index": story_index,
        "story": stories[-1],
    }


def events(home_pages, organisations):
    """An event index with a series, past and upcoming events, and one full event."""
    picture = image()
    index = EventIndexPageFactory(parent=home_pages["de"], title="Veranstaltungen", slug="events")
    series = EventSeriesPageFactory(parent=index, title="Kooperationsbörsen", slug="boersen")
    now = timezone.now()
    for number in range(14):
        start = now - datetime.timedelta(days=20 + number * 7)
        EventPageFactory(
            parent=series if number % 2 else index,
            start=start,
            end=start + datetime.timedelta(hours=6),
            listing_image=picture,
        )
    for number in range(6):
        EventPageFactory(
            parent=series if number % 2 else index,
            start=now + datetime.timedelta(days=10 + number),
            end=now + datetime.timedelta(days=10 + number, hours=5),
            listing_image=picture,
        )
    event = EventPageFactory(
        parent=series,
        title="Kooperationsbörse Liberec",
        slug="boerse-liberec",
        start=now + datetime.timedelta(days=5),
        end=now + datetime.timedelta(days=5, hours=8),
        listing_image=picture,
        organiser=organisations[0],
        registration_enabled=True,
        capacity=40,
    )
    for hour in range(9, 15):
        ProgrammeItemFactory(page=event, start_time=datetime.time(hour), speaker="Jana Krause")
    for _n in range(3):
        SpeakerFactory(page=event, photo=picture)
    for organisation in organisations:
        EventPartner.objects.create(page=event, organisation=organisation, role="Mitveranstalter")
    for _n in range(3):
        RegistrationFactory(event=event)
    event.save_revision().publish()
    return {"index": index, "series": series, "event": event}


def standard_page(home_pages, link_to):
    """An 'about the project' page with figures, an image and a link to another page."""
    page = StandardPage(
        title="Projekt",
        slug="projekt",
        introduction="Das Projekt in Kürze.",
        body=[
            ("paragraph", "<p>Wir verbinden Unternehmen beiderseits der Grenze.</p>"),
            (
                "key_figures",
                {
                    "title": "Das Projekt in Zahlen",
                    "figures": [
                        {"value": "610.799,70 EUR", "label": "Gesamtbudget"},
                        {"value": "12", "label": "Regionen"},
                    ],
                },
            ),
            ("image", {"image": image(), "alt_text": "Team", "caption": "", "credit": ""}),
            (
                "call_to_action",
                {"title": "Verzeichnis", "text": "", "page": link_to, "label": "Öffnen"},
            ),
        ],
    )
    home_pages["de"].add_child(instance=page)
    page.save_revision().publish()
    return page
