"""Demo content of the events app: the project's seven programme events and a few upcoming ones.

The seven events of the programme keep their real dates; the upcoming events are placed
relative to the day the demo is loaded, so the lists of upcoming events are never empty.
Loading again finds every page by its slug and creates nothing.
"""

import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.utils import timezone
from wagtail.models import Page

from glokal.demo_tools import ensure_page_in_languages, home_page

from .models import EventIndexPage, EventPage, EventSeriesPage, ProgrammeItem, Speaker

BERLIN = ZoneInfo("Europe/Berlin")

INDEX = {
    "de": {
        "title": "Veranstaltungen",
        "slug": "veranstaltungen",
        "introduction": (
            "Workshops, Informations- und Kooperationsveranstaltungen mit Fachvorträgen, "
            "Best-Practice-Besuchen, Kooperationsbörse und begleitender Ausstellung – "
            "auf beiden Seiten der Grenze."
        ),
    },
    "cs": {
        "title": "Akce",
        "slug": "akce",
        "introduction": (
            "Workshopy, informační a kooperační akce s odbornými přednáškami, exkurzemi do "
            "firem s dobrou praxí, kooperační burzou a doprovodnou výstavou – na obou "
            "stranách hranice."
        ),
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "introduction": (
            "Workshops and information and cooperation events with talks, best-practice "
            "visits, a cooperation exchange and an accompanying exhibition – on both sides "
            "of the border."
        ),
    },
}

SERIES = {
    "workshops": {
        "de": ("Workshops", "workshops", "Auftakt, Vorstellung der Plattform und Abschluss."),
        "cs": ("Workshopy", "workshopy", "Zahájení, představení platformy a závěr projektu."),
        "en": ("Workshops", "workshops", "Kick-off, platform presentation and closing."),
    },
    "cooperation": {
        "de": (
            "Informations- und Kooperationsveranstaltungen",
            "kooperationsveranstaltungen",
            "Vier Veranstaltungen abwechselnd in Sachsen und Tschechien: Fachvorträge, "
            "Best-Practice-Besuch, Kooperationsbörse und begleitende Ausstellung.",
        ),
        "cs": (
            "Informační a kooperační akce",
            "kooperacni-akce",
            "Čtyři akce střídavě v Sasku a v Česku: odborné přednášky, exkurze do firmy s "
            "dobrou praxí, kooperační burza a doprovodná výstava.",
        ),
        "en": (
            "Information and cooperation events",
            "cooperation-events",
            "Four events, alternately in Saxony and Czechia: talks, a best-practice visit, a "
            "cooperation exchange and an accompanying exhibition.",
        ),
    },
}

# Programme of an information and cooperation event, per language.
COOPERATION_PROGRAMME = {
    "de": [
        ("09:30", "10:00", "Ankunft und Registrierung", "", "break"),
        ("10:00", "11:00", "Fachvorträge: Chancen im Grenzraum", "", "talk"),
        ("11:15", "12:30", "Best-Practice-Besuch in einem Unternehmen der Region", "", "visit"),
        ("12:30", "13:30", "Mittagspause und Ausstellung", "", "break"),
        (
            "13:30",
            "16:00",
            "Kooperationsbörse mit vorab vereinbarten Gesprächen",
            "",
            "matchmaking",
        ),
    ],
    "cs": [
        ("09:30", "10:00", "Příjezd a registrace", "", "break"),
        ("10:00", "11:00", "Odborné přednášky: příležitosti v příhraničí", "", "talk"),
        ("11:15", "12:30", "Exkurze do firmy s dobrou praxí z regionu", "", "visit"),
        ("12:30", "13:30", "Polední přestávka a výstava", "", "break"),
        ("13:30", "16:00", "Kooperační burza s předem domluvenými schůzkami", "", "matchmaking"),
    ],
    "en": [
        ("09:30", "10:00", "Arrival and registration", "", "break"),
        ("10:00", "11:00", "Talks: opportunities in the border region", "", "talk"),
        ("11:15", "12:30", "Best-practice visit to a company of the region", "", "visit"),
        ("12:30", "13:30", "Lunch break and exhibition", "", "break"),
        ("13:30", "16:00", "Cooperation exchange with pre-arranged meetings", "", "matchmaking"),
    ],
}

WORKSHOP_PROGRAMME = {
    "de": [
        ("10:00", "10:30", "Begrüßung und Vorstellung des Projekts", "Projektteam Glokal", "talk"),
        ("10:30", "12:00", "Arbeitsgruppen", "", "workshop"),
        ("12:00", "13:00", "Mittagspause", "", "break"),
        ("13:00", "14:30", "Ergebnisse und nächste Schritte", "", "workshop"),
    ],
    "cs": [
        ("10:00", "10:30", "Přivítání a představení projektu", "Projektový tým Glokal", "talk"),
        ("10:30", "12:00", "Pracovní skupiny", "", "workshop"),
        ("12:00", "13:00", "Polední přestávka", "", "break"),
        ("13:00", "14:30", "Výsledky a další kroky", "", "workshop"),
    ],
    "en": [
        (
            "10:00",
            "10:30",
            "Welcome and introduction of the project",
            "Glokal project team",
            "talk",
        ),
        ("10:30", "12:00", "Working groups", "", "workshop"),
        ("12:00", "13:00", "Lunch break", "", "break"),
        ("13:00", "14:30", "Results and next steps", "", "workshop"),
    ],
}

SPEAKERS = {
    "de": [
        ("Katrin Bauer", "Wirtschaftsförderung Sachsen GmbH", "Leitet das Projekt Glokal."),
        ("Tomáš Novák", "AHK Services s.r.o.", "Berät Unternehmen beim Markteintritt."),
    ],
    "cs": [
        ("Katrin Bauer", "Wirtschaftsförderung Sachsen GmbH", "Vede projekt Glokal."),
        ("Tomáš Novák", "AHK Services s.r.o.", "Radí firmám se vstupem na trh."),
    ],
    "en": [
        ("Katrin Bauer", "Wirtschaftsförderung Sachsen GmbH", "Leads the Glokal project."),
        ("Tomáš Novák", "AHK Services s.r.o.", "Advises companies entering the market."),
    ],
}

VENUES = {
    "karlovy-vary": (
        "Hotel Thermal",
        "I. P. Pavlova 1016/11",
        "360 01",
        "Karlovy Vary",
        "CZ",
        "50.226500",
        "12.875000",
    ),
    "chemnitz": (
        "Industrie- und Handelskammer Chemnitz",
        "Straße der Nationen 25",
        "09111",
        "Chemnitz",
        "DE",
        "50.838000",
        "12.925000",
    ),
    "usti": (
        "Krajský úřad Ústeckého kraje",
        "Velká Hradební 3118/48",
        "400 02",
        "Ústí nad Labem",
        "CZ",
        "50.660600",
        "14.037000",
    ),
    "dresden": (
        "Wirtschaftsförderung Sachsen GmbH",
        "Bertolt-Brecht-Allee 22",
        "01309",
        "Dresden",
        "DE",
        "51.045000",
        "13.797000",
    ),
    "liberec": (
        "Technická univerzita v Liberci",
        "Studentská 1402/2",
        "461 17",
        "Liberec",
        "CZ",
        "50.770000",
        "15.073000",
    ),
    "goerlitz": (
        "Landskron Kulturbrauerei",
        "An der Landskronbrauerei 116",
        "02826",
        "Görlitz",
        "DE",
        "51.146000",
        "14.980000",
    ),
    "decin": (
        "Zámek Děčín",
        "Dlouhá jízda 1254/1",
        "405 02",
        "Děčín",
        "CZ",
        "50.779000",
        "14.214000",
    ),
    "zwickau": (
        "Stadthalle Zwickau",
        "Bergmannstraße 1",
        "08056",
        "Zwickau",
        "DE",
        "50.709000",
        "12.491000",
    ),
}

# key, series, format, venue, (date or days from today), hours, registration, texts per language
PROGRAMME_EVENTS = [
    {
        "key": "kick-off",
        "series": "workshops",
        "format": "workshop",
        "venue": "karlovy-vary",
        "date": datetime.date(2024, 4, 17),
        "hours": (10, 15),
        "programme": WORKSHOP_PROGRAMME,
        "texts": {
            "de": (
                "Auftaktworkshop in Karlovy Vary",
                "auftaktworkshop-karlovy-vary",
                "Start des Netzwerks mit Unternehmen und Institutionen beider Seiten der Grenze.",
            ),
            "cs": (
                "Úvodní workshop v Karlových Varech",
                "uvodni-workshop-karlovy-vary",
                "Zahájení sítě s firmami a institucemi z obou stran hranice.",
            ),
            "en": (
                "Kick-off workshop in Karlovy Vary",
                "kick-off-workshop-karlovy-vary",
                "Launch of the network with companies and institutions from both sides of the border.",
            ),
        },
    },
    {
        "key": "saxony-2024",
        "series": "cooperation",
        "format": "information-cooperation",
        "venue": "chemnitz",
        "date": datetime.date(2024, 10, 9),
        "hours": (9, 16),
        "programme": COOPERATION_PROGRAMME,
        "texts": {
            "de": (
                "Informations- und Kooperationsveranstaltung in Chemnitz",
                "kooperationsveranstaltung-chemnitz-2024",
                "Fachvorträge, ein Best-Practice-Besuch, die Kooperationsbörse und eine "
                "begleitende Ausstellung in Sachsen.",
            ),
            "cs": (
                "Informační a kooperační akce v Saské Kamenici",
                "kooperacni-akce-saska-kamenice-2024",
                "Odborné přednášky, exkurze do firmy s dobrou praxí, kooperační burza a "
                "doprovodná výstava v Sasku.",
            ),
            "en": (
                "Information and cooperation event in Chemnitz",
                "cooperation-event-chemnitz-2024",
                "Talks, a best-practice visit, the cooperation exchange and an accompanying "
                "exhibition in Saxony.",
            ),
        },
    },
    {
        "key": "czechia-2025-1",
        "series": "cooperation",
        "format": "information-cooperation",
        "venue": "usti",
        "date": datetime.date(2025, 5, 14),
        "hours": (9, 16),
        "programme": COOPERATION_PROGRAMME,
        "texts": {
            "de": (
                "Informations- und Kooperationsveranstaltung in Ústí nad Labem",
                "kooperationsveranstaltung-usti-2025",
                "Die zweite Veranstaltung der Reihe, diesmal in Tschechien.",
            ),
            "cs": (
                "Informační a kooperační akce v Ústí nad Labem",
                "kooperacni-akce-usti-2025",
                "Druhá akce série, tentokrát v Česku.",
            ),
            "en": (
                "Information and cooperation event in Ústí nad Labem",
                "cooperation-event-usti-2025",
                "The second event of the series, this time in Czechia.",
            ),
        },
    },
    {
        "key": "platform-workshop",
        "series": "workshops",
        "format": "workshop",
        "venue": "dresden",
        "date": datetime.date(2025, 6, 12),
        "hours": (10, 15),
        "programme": WORKSHOP_PROGRAMME,
        "texts": {
            "de": (
                "Workshop: Die Plattform Glokal",
                "workshop-plattform-glokal",
                "Wir stellen die Plattform vor und zeigen, wie Sie Ihr Profil anlegen und "
                "Partner finden.",
            ),
            "cs": (
                "Workshop: Platforma Glokal",
                "workshop-platforma-glokal",
                "Představíme platformu a ukážeme, jak založit profil a najít partnery.",
            ),
            "en": (
                "Workshop: The Glokal platform",
                "workshop-glokal-platform",
                "We present the platform and show how to create your profile and find partners.",
            ),
        },
    },
    {
        "key": "czechia-2025-2",
        "series": "cooperation",
        "format": "information-cooperation",
        "venue": "liberec",
        "date": datetime.date(2025, 10, 15),
        "hours": (9, 16),
        "programme": COOPERATION_PROGRAMME,
        "texts": {
            "de": (
                "Informations- und Kooperationsveranstaltung in Liberec",
                "kooperationsveranstaltung-liberec-2025",
                "Die dritte Veranstaltung der Reihe mit Schwerpunkt Forschung und Innovation.",
            ),
            "cs": (
                "Informační a kooperační akce v Liberci",
                "kooperacni-akce-liberec-2025",
                "Třetí akce série se zaměřením na výzkum a inovace.",
            ),
            "en": (
                "Information and cooperation event in Liberec",
                "cooperation-event-liberec-2025",
                "The third event of the series, focused on research and innovation.",
            ),
        },
    },
    {
        "key": "saxony-2026",
        "series": "cooperation",
        "format": "information-cooperation",
        "venue": "goerlitz",
        "date": datetime.date(2026, 3, 18),
        "hours": (9, 16),
        "programme": COOPERATION_PROGRAMME,
        "texts": {
            "de": (
                "Informations- und Kooperationsveranstaltung in Görlitz",
                "kooperationsveranstaltung-goerlitz-2026",
                "Die vierte Veranstaltung der Reihe, zurück in Sachsen.",
            ),
            "cs": (
                "Informační a kooperační akce ve Zhořelci",
                "kooperacni-akce-zhorelec-2026",
                "Čtvrtá akce série, opět v Sasku.",
            ),
            "en": (
                "Information and cooperation event in Görlitz",
                "cooperation-event-goerlitz-2026",
                "The fourth event of the series, back in Saxony.",
            ),
        },
    },
    {
        "key": "closing",
        "series": "workshops",
        "format": "workshop",
        "venue": "decin",
        "date": datetime.date(2026, 6, 10),
        "hours": (10, 15),
        "programme": WORKSHOP_PROGRAMME,
        "texts": {
            "de": (
                "Abschlussworkshop in Děčín",
                "abschlussworkshop-decin",
                "Ergebnisse, Erfahrungen und wie das Netzwerk weiterlebt.",
            ),
            "cs": (
                "Závěrečný workshop v Děčíně",
                "zaverecny-workshop-decin",
                "Výsledky, zkušenosti a jak bude síť pokračovat.",
            ),
            "en": (
                "Closing workshop in Děčín",
                "closing-workshop-decin",
                "Results, lessons learned and how the network carries on.",
            ),
        },
    },
]

UPCOMING_EVENTS = [
    {
        "key": "webinar",
        "format": "webinar",
        "venue": None,
        "days": 14,
        "hours": (10, 11),
        "online_url": "https://meet.glokal.example/verzeichnis",
        "capacity": 100,
        "texts": {
            "de": (
                "Webinar: Partner finden im Glokal-Verzeichnis",
                "webinar-partner-finden",
                "In einer Stunde zeigen wir, wie Sie im Verzeichnis Zulieferer und "
                "Kooperationspartner finden und Ihr eigenes Profil pflegen.",
            ),
            "cs": (
                "Webinář: Hledání partnerů v adresáři Glokal",
                "webinar-hledani-partneru",
                "Za hodinu ukážeme, jak v adresáři najít dodavatele a partnery pro "
                "spolupráci a jak udržovat vlastní profil.",
            ),
            "en": (
                "Webinar: Finding partners in the Glokal directory",
                "webinar-finding-partners",
                "In one hour we show how to find suppliers and cooperation partners in the "
                "directory and how to keep your own profile up to date.",
            ),
        },
    },
    {
        "key": "exchange",
        "format": "cooperation-exchange",
        "venue": "zwickau",
        "days": 45,
        "hours": (9, 17),
        "capacity": 40,
        "programme": COOPERATION_PROGRAMME,
        "texts": {
            "de": (
                "Kooperationsbörse Fahrzeug- und Maschinenbau",
                "kooperationsboerse-fahrzeugbau",
                "Vorab vereinbarte Gespräche zwischen Zulieferern und Herstellern aus "
                "Sachsen und Tschechien.",
            ),
            "cs": (
                "Kooperační burza automobilový průmysl a strojírenství",
                "kooperacni-burza-automotive",
                "Předem domluvené schůzky mezi dodavateli a výrobci ze Saska a z Česka.",
            ),
            "en": (
                "Cooperation exchange: automotive and mechanical engineering",
                "cooperation-exchange-automotive",
                "Pre-arranged meetings between suppliers and manufacturers from Saxony and "
                "Czechia.",
            ),
        },
    },
    {
        "key": "study-trip",
        "format": "study-trip",
        "venue": "liberec",
        "days": 75,
        "hours": (8, 18),
        "capacity": 25,
        "status": "postponed",
        "status_note": {
            "de": "Der neue Termin wird noch bestätigt; Angemeldete werden benachrichtigt.",
            "cs": "Nový termín bude ještě potvrzen; přihlášení účastníci budou informováni.",
            "en": "The new date is still to be confirmed; registered participants will be told.",
        },
        "texts": {
            "de": (
                "Studienreise: Textil- und Glasindustrie in Liberec",
                "studienreise-liberec",
                "Best-Practice-Besuche bei drei Unternehmen und einem Forschungsinstitut.",
            ),
            "cs": (
                "Studijní cesta: textilní a sklářský průmysl v Liberci",
                "studijni-cesta-liberec",
                "Exkurze do tří firem a jednoho výzkumného ústavu s dobrou praxí.",
            ),
            "en": (
                "Study trip: textile and glass industry in Liberec",
                "study-trip-liberec",
                "Best-practice visits to three companies and a research institute.",
            ),
        },
    },
]


ABOUT_PARTICIPATION = {
    "de": (
        "Die Teilnahme ist kostenfrei. Eingeladen sind kleine und mittlere Unternehmen, "
        "Forschungseinrichtungen, Kammern und Wirtschaftsförderer aus Sachsen und Tschechien. "
        "Für die Verständigung auf Deutsch und Tschechisch ist gesorgt."
    ),
    "cs": (
        "Účast je bezplatná. Zváni jsou malé a střední podniky, výzkumné instituce, komory a "
        "agentury pro podporu podnikání ze Saska a z Česka. Tlumočení mezi češtinou a "
        "němčinou je zajištěno."
    ),
    "en": (
        "Participation is free of charge. Small and medium-sized enterprises, research "
        "institutions, chambers and business development agencies from Saxony and Czechia "
        "are welcome. Interpreting between German and Czech is provided."
    ),
}


def _time(value):
    hours, minutes = value.split(":")
    return datetime.time(int(hours), int(minutes))


def _programme(rows):
    return [
        ProgrammeItem(
            start_time=_time(start),
            end_time=_time(end),
            title=title,
            speaker=speaker,
            item_type=item_type,
            sort_order=number,
        )
        for number, (start, end, title, speaker, item_type) in enumerate(rows)
    ]


def _speakers(code):
    return [
        Speaker(name=name, organisation=organisation, bio=bio, sort_order=number)
        for number, (name, organisation, bio) in enumerate(SPEAKERS[code])
    ]


def _organiser():
    """The lead partner's directory page, when the directory demo created it."""
    try:
        model = apps.get_model("directory", "OrganisationPage")
    except LookupError:
        return None
    return (
        Page.objects.type(model)
        .filter(locale__language_code="de", title__icontains="Wirtschaftsförderung Sachsen")
        .first()
    )


def _event_content(spec, code, day, organiser):
    title, slug, summary = spec["texts"][code]
    start_hour, end_hour = spec["hours"]
    fields = {
        "title": title,
        "slug": slug,
        "summary": summary,
        "description": [("paragraph", f"<p>{ABOUT_PARTICIPATION[code]}</p>")],
        "start": datetime.datetime.combine(day, datetime.time(start_hour), BERLIN),
        "end": datetime.datetime.combine(day, datetime.time(end_hour), BERLIN),
        "event_format": spec["format"],
        "languages": ["de", "cs"] if spec["format"] != "webinar" else ["de", "cs", "en"],
        "interpreting": "simultaneous" if spec["format"] != "webinar" else "none",
        "online_url": spec.get("online_url", ""),
        "status": spec.get("status", "scheduled"),
        "status_note": spec.get("status_note", {}).get(code, ""),
        "organiser": organiser,
        "organiser_name": "Wirtschaftsförderung Sachsen GmbH",
        "programme_items": _programme(spec["programme"][code]) if "programme" in spec else [],
        "speakers": _speakers(code),
    }
    if spec["venue"]:
        name, address, postcode, city, country, latitude, longitude = VENUES[spec["venue"]]
        fields.update(
            venue_name=name,
            venue_address=address,
            venue_postcode=postcode,
            venue_city=city,
            venue_country=country,
            latitude=latitude,
            longitude=longitude,
        )
    if "capacity" in spec:
        fields.update(
            registration_enabled=True,
            capacity=spec["capacity"],
            registration_deadline=fields["start"] - datetime.timedelta(days=2),
        )
    return fields


def load():
    """Create the event pages in three languages; return how many objects were created."""
    created = 0
    index, count = ensure_page_in_languages(
        home_page("de"),
        EventIndexPage,
        {code: {**INDEX[code], "show_in_menus": True} for code in INDEX},
    )
    created += count
    series_pages = {}
    for key, texts in SERIES.items():
        series_pages[key], count = ensure_page_in_languages(
            index,
            EventSeriesPage,
            {
                code: {"title": title, "slug": slug, "introduction": introduction}
                for code, (title, slug, introduction) in texts.items()
            },
        )
        created += count
    organiser = _organiser()
    for spec in PROGRAMME_EVENTS:
        _page, count = ensure_page_in_languages(
            series_pages[spec["series"]],
            EventPage,
            {code: _event_content(spec, code, spec["date"], organiser) for code in INDEX},
        )
        created += count
    today = timezone.localdate()
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in UPCOMING_EVENTS:
        if spec["texts"]["de"][1] in existing:
            continue
        day = today + datetime.timedelta(days=spec["days"])
        _page, count = ensure_page_in_languages(
            index, EventPage, {code: _event_content(spec, code, day, organiser) for code in INDEX}
        )
        created += count
    return created
