"""Demo content of the site-wide pages: home, about the project, partners, imprint, privacy."""

from django.conf import settings

from glokal.demo_tools import (
    ensure_page_in_languages,
    home_page,
    locales,
    point_default_site_at,
)
from glokal.models import FooterSettings, StandardPage


def _paragraph(*paragraphs):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


HOME = {
    "de": {
        "hero_title": "Partner finden über die sächsisch-tschechische Grenze",
        "hero_text": (
            "Glokal verbindet kleine und mittlere Unternehmen, Forschungseinrichtungen, Kammern "
            "und Wirtschaftsförderer in Sachsen und Tschechien. Finden Sie Zulieferer und "
            "Kooperationspartner, lesen Sie Erfolgsgeschichten und treffen Sie sich auf unseren "
            "Veranstaltungen."
        ),
        "body": [
            _heading("Was Glokal bietet"),
            _paragraph(
                "Im <b>Verzeichnis</b> stellen sich Unternehmen und Institutionen aus dem "
                "Programmgebiet mit ihrem Angebot und ihrem Bedarf vor – auf Deutsch, Tschechisch "
                "und Englisch.",
                "Auf <b>Workshops und Kooperationsbörsen</b> lernen Sie Partner von der anderen "
                "Seite der Grenze persönlich kennen.",
            ),
        ],
    },
    "cs": {
        "hero_title": "Najděte partnery přes česko-saskou hranici",
        "hero_text": (
            "Glokal propojuje malé a střední podniky, výzkumné instituce, komory a agentury pro "
            "podporu podnikání v Sasku a v Česku. Najděte dodavatele a partnery pro spolupráci, "
            "přečtěte si příběhy úspěchu a setkejte se s námi na akcích."
        ),
        "body": [
            _heading("Co Glokal nabízí"),
            _paragraph(
                "V <b>adresáři</b> se představují firmy a instituce z programového území se svou "
                "nabídkou a poptávkou – česky, německy a anglicky.",
                "Na <b>workshopech a kooperačních burzách</b> osobně poznáte partnery z druhé "
                "strany hranice.",
            ),
        ],
    },
    "en": {
        "hero_title": "Find partners across the Saxon–Czech border",
        "hero_text": (
            "Glokal connects small and medium-sized enterprises, research institutions, chambers "
            "and business development agencies in Saxony and Czechia. Find suppliers and "
            "cooperation partners, read success stories and meet us at our events."
        ),
        "body": [
            _heading("What Glokal offers"),
            _paragraph(
                "In the <b>directory</b>, companies and institutions from the programme area "
                "present what they offer and what they are looking for – in German, Czech and "
                "English.",
                "At <b>workshops and cooperation exchanges</b> you meet partners from the other "
                "side of the border in person.",
            ),
        ],
    },
}

PARTNERS = {
    "de": [
        ("Wirtschaftsförderung Sachsen GmbH", "Lead-Partner", "Deutschland"),
        ("AHK Services s.r.o.", "Projektpartner", "Tschechien"),
        ("IHK Dresden", "Assoziierter Partner", "Deutschland"),
        ("IHK Chemnitz", "Assoziierter Partner", "Deutschland"),
        ("Krajská hospodářská komora Karlovarského kraje", "Assoziierter Partner", "Tschechien"),
        ("MAS Český sever", "Assoziierter Partner", "Tschechien"),
    ],
    "cs": [
        ("Wirtschaftsförderung Sachsen GmbH", "Vedoucí partner", "Německo"),
        ("AHK Services s.r.o.", "Projektový partner", "Česko"),
        ("IHK Dresden", "Přidružený partner", "Německo"),
        ("IHK Chemnitz", "Přidružený partner", "Německo"),
        ("Krajská hospodářská komora Karlovarského kraje", "Přidružený partner", "Česko"),
        ("MAS Český sever", "Přidružený partner", "Česko"),
    ],
    "en": [
        ("Wirtschaftsförderung Sachsen GmbH", "Lead partner", "Germany"),
        ("AHK Services s.r.o.", "Project partner", "Czechia"),
        ("IHK Dresden", "Associated partner", "Germany"),
        ("IHK Chemnitz", "Associated partner", "Germany"),
        (
            "Regional Chamber of Commerce of the Karlovy Vary Region",
            "Associated partner",
            "Czechia",
        ),
        ("MAS Český sever", "Associated partner", "Czechia"),
    ],
}

PARTNER_DESCRIPTIONS = {
    "de": [
        "Die Wirtschaftsförderungsgesellschaft des Freistaats Sachsen leitet das Projekt.",
        "Die Servicegesellschaft der Deutsch-Tschechischen Industrie- und Handelskammer in Prag.",
        "",
        "",
        "",
        "Lokale Aktionsgruppe im Norden Tschechiens.",
    ],
    "cs": [
        "Hospodářská agentura Svobodného státu Sasko projekt vede.",
        "Servisní společnost Česko-německé obchodní a průmyslové komory v Praze.",
        "",
        "",
        "",
        "Místní akční skupina na severu Čech.",
    ],
    "en": [
        "The economic development agency of the Free State of Saxony leads the project.",
        "The service company of the Czech-German Chamber of Industry and Commerce in Prague.",
        "",
        "",
        "",
        "Local action group in northern Czechia.",
    ],
}


def _partner_blocks(code):
    return [
        {
            "name": name,
            "role": role,
            "country": country,
            "description": description,
            "external_url": "",
        }
        for (name, role, country), description in zip(
            PARTNERS[code], PARTNER_DESCRIPTIONS[code], strict=True
        )
    ]


TIMELINE = {
    "de": [
        (
            "April 2024",
            "Auftaktworkshop in Karlovy Vary",
            "Start des Netzwerks mit Unternehmen und Institutionen beider Seiten.",
        ),
        (
            "Herbst 2024",
            "Informations- und Kooperationsveranstaltung in Sachsen",
            "Fachvorträge, Best-Practice-Besuch, Kooperationsbörse und begleitende Ausstellung.",
        ),
        ("1. Halbjahr 2025", "Informations- und Kooperationsveranstaltung in Tschechien", ""),
        ("1. Halbjahr 2025", "Workshop zur Vorstellung der Plattform in Sachsen", ""),
        ("2. Halbjahr 2025", "Informations- und Kooperationsveranstaltung in Tschechien", ""),
        ("1. Halbjahr 2026", "Informations- und Kooperationsveranstaltung in Sachsen", ""),
        (
            "1. Halbjahr 2026",
            "Abschlussworkshop in Tschechien",
            "Ergebnisse, Erfahrungen und wie das Netzwerk weiterlebt.",
        ),
    ],
    "cs": [
        (
            "Duben 2024",
            "Úvodní workshop v Karlových Varech",
            "Zahájení sítě s firmami a institucemi z obou stran hranice.",
        ),
        (
            "Podzim 2024",
            "Informační a kooperační akce v Sasku",
            "Odborné přednášky, exkurze do firmy s dobrou praxí, kooperační burza a doprovodná výstava.",
        ),
        ("1. pololetí 2025", "Informační a kooperační akce v Česku", ""),
        ("1. pololetí 2025", "Workshop k představení platformy v Sasku", ""),
        ("2. pololetí 2025", "Informační a kooperační akce v Česku", ""),
        ("1. pololetí 2026", "Informační a kooperační akce v Sasku", ""),
        (
            "1. pololetí 2026",
            "Závěrečný workshop v Česku",
            "Výsledky, zkušenosti a jak bude síť pokračovat.",
        ),
    ],
    "en": [
        (
            "April 2024",
            "Kick-off workshop in Karlovy Vary",
            "Launch of the network with companies and institutions from both sides.",
        ),
        (
            "Autumn 2024",
            "Information and cooperation event in Saxony",
            "Talks, a best-practice visit, a cooperation exchange and an accompanying exhibition.",
        ),
        ("First half of 2025", "Information and cooperation event in Czechia", ""),
        ("First half of 2025", "Workshop presenting the platform in Saxony", ""),
        ("Second half of 2025", "Information and cooperation event in Czechia", ""),
        ("First half of 2026", "Information and cooperation event in Saxony", ""),
        (
            "First half of 2026",
            "Closing workshop in Czechia",
            "Results, lessons learned and how the network carries on.",
        ),
    ],
}

ABOUT_TEXT = {
    "de": {
        "title": "Das Projekt",
        "slug": "projekt",
        "introduction": (
            "Glokal ist ein Projekt des Kooperationsprogramms Interreg Sachsen – Česko 2021–2027. "
            "Es baut ein dauerhaftes Netzwerk kleiner und mittlerer Unternehmen und "
            "wirtschaftsnaher Institutionen im sächsisch-tschechischen Grenzraum auf."
        ),
        "goal": (
            "Viele Unternehmen im Grenzraum kennen ihre möglichen Partner auf der anderen Seite "
            "nicht – Sprache, unterschiedliche Strukturen und fehlende Kontakte stehen im Weg. "
            "Glokal macht Angebote und Bedarfe sichtbar, bringt Menschen auf Veranstaltungen "
            "zusammen und zeigt an Beispielen, wie grenzüberschreitende Zusammenarbeit gelingt.",
        ),
        "area": (
            "Das Projektgebiet umfasst die Landkreise Görlitz, Bautzen, Sächsische "
            "Schweiz-Osterzgebirge, Mittelsachsen, Erzgebirgskreis, Zwickau und Vogtlandkreis, "
            "die Städte Dresden und Chemnitz sowie den Liberecký kraj, den Ústecký kraj und den "
            "Karlovarský kraj.",
        ),
        "headings": (
            "Ziel",
            "Projektgebiet",
            "Zeitplan und Veranstaltungen",
            "Das Projekt in Zahlen",
        ),
        "figures": [
            ("01.01.2024–30.06.2026", "Laufzeit"),
            ("610.799,70 EUR", "Gesamtbudget"),
            ("488.639,75 EUR", "EU-Förderung (EFRE)"),
            ("12", "Regionen im Projektgebiet"),
        ],
    },
    "cs": {
        "title": "Projekt",
        "slug": "projekt",
        "introduction": (
            "Glokal je projekt programu spolupráce Interreg Sasko – Česko 2021–2027. Buduje "
            "trvalou síť malých a středních podniků a institucí na podporu podnikání v "
            "česko-saském příhraničí."
        ),
        "goal": (
            "Mnoho firem v příhraničí nezná své možné partnery na druhé straně hranice – brání "
            "tomu jazyk, odlišné struktury a chybějící kontakty. Glokal zviditelňuje nabídku a "
            "poptávku, propojuje lidi na akcích a na příkladech ukazuje, jak přeshraniční "
            "spolupráce funguje.",
        ),
        "area": (
            "Projektové území zahrnuje zemské okresy Zhořelec, Budyšín, Saské "
            "Švýcarsko-Východní Krušné hory, Střední Sasko, Krušnohorský okres, Cvikov a "
            "Fojtsko, města Drážďany a Saská Kamenice a dále Liberecký, Ústecký a Karlovarský "
            "kraj.",
        ),
        "headings": ("Cíl", "Projektové území", "Harmonogram a akce", "Projekt v číslech"),
        "figures": [
            ("1. 1. 2024–30. 6. 2026", "Doba trvání"),
            ("610 799,70 EUR", "Celkový rozpočet"),
            ("488 639,75 EUR", "Podpora EU (EFRR)"),
            ("12", "Regionů v projektovém území"),
        ],
    },
    "en": {
        "title": "The project",
        "slug": "project",
        "introduction": (
            "Glokal is a project of the cooperation programme Interreg Sachsen – Česko 2021–2027. "
            "It builds a lasting network of small and medium-sized enterprises and "
            "business-support institutions in the Saxon–Czech border region."
        ),
        "goal": (
            "Many companies in the border region do not know their potential partners on the "
            "other side – language, different structures and missing contacts stand in the way. "
            "Glokal makes offers and needs visible, brings people together at events and shows "
            "by example how cross-border cooperation succeeds.",
        ),
        "area": (
            "The project area covers the districts of Görlitz, Bautzen, Sächsische "
            "Schweiz-Osterzgebirge, Mittelsachsen, Erzgebirgskreis, Zwickau and Vogtlandkreis, "
            "the cities of Dresden and Chemnitz, and the Liberec, Ústí nad Labem and Karlovy "
            "Vary regions.",
        ),
        "headings": ("Goal", "Project area", "Timeline and events", "The project in figures"),
        "figures": [
            ("01/01/2024–30/06/2026", "Duration"),
            ("EUR 610,799.70", "Total budget"),
            ("EUR 488,639.75", "EU funding (ERDF)"),
            ("12", "Regions in the project area"),
        ],
    },
}

PARTNERS_PAGE = {
    "de": {"title": "Partner", "slug": "partner", "introduction": "Wer hinter Glokal steht."},
    "cs": {
        "title": "Partneři",
        "slug": "partneri",
        "introduction": "Kdo stojí za projektem Glokal.",
    },
    "en": {"title": "Partners", "slug": "partners", "introduction": "Who is behind Glokal."},
}

IMPRINT = {
    "de": {
        "title": "Impressum",
        "slug": "impressum",
        "text": (
            "Herausgeber: Wirtschaftsförderung Sachsen GmbH, Bertolt-Brecht-Allee 22, "
            "01309 Dresden, Deutschland.",
            "Die Wirtschaftsförderung Sachsen GmbH ist Lead-Partner des Projekts Glokal im "
            "Kooperationsprogramm Interreg Sachsen – Česko 2021–2027. Für die Inhalte der "
            "Profile im Verzeichnis sind die jeweiligen Organisationen verantwortlich.",
        ),
    },
    "cs": {
        "title": "Tiráž",
        "slug": "tiraz",
        "text": (
            "Vydavatel: Wirtschaftsförderung Sachsen GmbH, Bertolt-Brecht-Allee 22, "
            "01309 Drážďany, Německo.",
            "Wirtschaftsförderung Sachsen GmbH je vedoucím partnerem projektu Glokal v programu "
            "spolupráce Interreg Sasko – Česko 2021–2027. Za obsah profilů v adresáři odpovídají "
            "příslušné organizace.",
        ),
    },
    "en": {
        "title": "Imprint",
        "slug": "imprint",
        "text": (
            "Publisher: Wirtschaftsförderung Sachsen GmbH, Bertolt-Brecht-Allee 22, "
            "01309 Dresden, Germany.",
            "Wirtschaftsförderung Sachsen GmbH is the lead partner of the Glokal project in the "
            "cooperation programme Interreg Sachsen – Česko 2021–2027. Each organisation is "
            "responsible for the content of its profile in the directory.",
        ),
    },
}

PRIVACY = {
    "de": {
        "title": "Datenschutz",
        "slug": "datenschutz",
        "text": (
            "Wir verarbeiten personenbezogene Daten nur, soweit es für den Betrieb der Plattform, "
            "die Vermittlung von Kontakten und die Anmeldung zu Veranstaltungen nötig ist "
            "(Art. 6 Abs. 1 lit. a, b und f DSGVO).",
            "Diese Website lädt keine Inhalte von Dritten und setzt keine Tracking-Cookies. "
            "Eingebettete Videos werden erst nach Ihrem Klick geladen.",
            "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
            "Verarbeitung sowie auf Beschwerde bei einer Aufsichtsbehörde.",
        ),
    },
    "cs": {
        "title": "Ochrana osobních údajů",
        "slug": "ochrana-osobnich-udaju",
        "text": (
            "Osobní údaje zpracováváme pouze v rozsahu nutném pro provoz platformy, "
            "zprostředkování kontaktů a registraci na akce (čl. 6 odst. 1 písm. a, b a f GDPR).",
            "Tento web nenačítá obsah třetích stran a nepoužívá sledovací cookies. Vložená videa "
            "se načtou až po vašem kliknutí.",
            "Máte právo na přístup, opravu, výmaz a omezení zpracování a právo podat stížnost u "
            "dozorového úřadu.",
        ),
    },
    "en": {
        "title": "Privacy",
        "slug": "privacy",
        "text": (
            "We process personal data only as far as needed to run the platform, put people in "
            "touch and handle event registrations (Art. 6(1)(a), (b) and (f) GDPR).",
            "This website loads no third-party content and sets no tracking cookies. Embedded "
            "videos load only after you click them.",
            "You have the right of access, rectification, erasure and restriction of processing, "
            "and the right to lodge a complaint with a supervisory authority.",
        ),
    },
}

FOOTER = {
    "de": {
        "about_text": "Das Netzwerk für kleine und mittlere Unternehmen und Institutionen im sächsisch-tschechischen Grenzraum.",
        "funding_text": "<p>Das Projekt Glokal wird im Rahmen des Kooperationsprogramms Interreg Sachsen – Česko 2021–2027 aus dem Europäischen Fonds für regionale Entwicklung gefördert.</p>",
        "funding_notice": "Kofinanziert von der Europäischen Union",
    },
    "cs": {
        "about_text": "Síť pro malé a střední podniky a instituce v česko-saském příhraničí.",
        "funding_text": "<p>Projekt Glokal je podpořen z Evropského fondu pro regionální rozvoj v rámci programu spolupráce Interreg Sasko – Česko 2021–2027.</p>",
        "funding_notice": "Spolufinancováno Evropskou unií",
    },
    "en": {
        "about_text": "The network for small and medium-sized enterprises and institutions in the Saxon–Czech border region.",
        "funding_text": "<p>The Glokal project is funded by the European Regional Development Fund under the cooperation programme Interreg Sachsen – Česko 2021–2027.</p>",
        "funding_notice": "Co-funded by the European Union",
    },
}
PROGRAMME_NAME = {
    "de": "Interreg Sachsen – Česko 2021–2027",
    "cs": "Interreg Sasko – Česko 2021–2027",
    "en": "Interreg Sachsen – Česko 2021–2027",
}


def _about_content(code):
    text = ABOUT_TEXT[code]
    goal, area, timeline, figures = text["headings"]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "show_in_menus": True,
        "introduction": text["introduction"],
        "body": [
            _heading(goal),
            _paragraph(*text["goal"]),
            (
                "key_figures",
                {
                    "title": figures,
                    "figures": [
                        {"value": value, "label": label} for value, label in text["figures"]
                    ],
                },
            ),
            _heading(area),
            _paragraph(*text["area"]),
            (
                "timeline",
                {
                    "title": timeline,
                    "entries": [
                        {"date_label": when, "title": title, "text": body}
                        for when, title, body in TIMELINE[code]
                    ],
                },
            ),
        ],
    }


def _text_page_content(texts, code, **extra):
    text = texts[code]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "body": [_paragraph(*text["text"])],
        **extra,
    }


def _update_home_pages():
    """Fill the home pages created by the migration, unless an editor already has."""
    updated = 0
    for code, content in HOME.items():
        home = home_page(code)
        if home.body:
            continue
        for name, value in content.items():
            setattr(home, name, value)
        home.save_revision().publish()
        updated += 1
    return updated


def _ensure_footers(imprint, privacy):
    if FooterSettings.objects.exists():
        return 0
    by_language = locales()
    german = None
    for code in ("de", "cs", "en"):
        footer = FooterSettings(
            locale=by_language[code],
            about_text=FOOTER[code]["about_text"],
            funding_notice=FOOTER[code]["funding_notice"],
            funding_text=FOOTER[code]["funding_text"],
            programme_name=PROGRAMME_NAME[code],
            partners=[("partner", block) for block in _partner_blocks(code)],
            imprint_page=imprint,
            privacy_page=privacy,
        )
        if german is not None:
            footer.translation_key = german.translation_key
        footer.save()
        german = german or footer
    return 3


def load():
    """Create the site-wide demo pages; return how many objects were created."""
    # Full URLs (sitemap, feeds, API) should use the address the demo is served at.
    point_default_site_at(settings.BASE_URL)
    created = _update_home_pages()
    home = home_page("de")
    _about, count = ensure_page_in_languages(
        home, StandardPage, {code: _about_content(code) for code in HOME}
    )
    created += count
    _partners, count = ensure_page_in_languages(
        home,
        StandardPage,
        {
            code: {
                **PARTNERS_PAGE[code],
                "show_in_menus": True,
                "body": [("partner_list", {"title": "", "partners": _partner_blocks(code)})],
            }
            for code in HOME
        },
    )
    created += count
    imprint, count = ensure_page_in_languages(
        home, StandardPage, {code: _text_page_content(IMPRINT, code) for code in HOME}
    )
    created += count
    privacy, count = ensure_page_in_languages(
        home, StandardPage, {code: _text_page_content(PRIVACY, code) for code in HOME}
    )
    created += count
    created += _ensure_footers(imprint, privacy)
    return created
