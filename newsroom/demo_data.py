"""Text of the newsroom demo: topics, contact persons, twelve articles and six stories.

Written for the project in German, Czech and English; organisations named here are fictional
except the programme's real facts (kick-off workshop in Karlovy Vary in April 2024).
"""

import datetime

TOPICS = [
    ("events", 10, {"de": "Veranstaltungen", "cs": "Akce", "en": "Events"}),
    ("cooperation", 20, {"de": "Kooperation", "cs": "Spolupráce", "en": "Cooperation"}),
    ("funding", 30, {"de": "Förderung", "cs": "Dotace", "en": "Funding"}),
    ("innovation", 40, {"de": "Innovation", "cs": "Inovace", "en": "Innovation"}),
    ("network", 50, {"de": "Netzwerk", "cs": "Síť Glokal", "en": "Network"}),
    ("skills", 60, {"de": "Fachkräfte", "cs": "Odborníci", "en": "Skills"}),
]

CONTACTS = {
    "vogel": {
        "name": "Katrin Vogel",
        "email": "k.vogel@glokal.example",
        "phone": "+49 351 2138240",
        "de": {"role": "Kommunikation", "organisation": "Wirtschaftsförderung Sachsen GmbH"},
        "cs": {"role": "Komunikace", "organisation": "Wirtschaftsförderung Sachsen GmbH"},
        "en": {"role": "Communications", "organisation": "Saxony Economic Development Corporation"},
    },
    "novakova": {
        "name": "Petra Nováková",
        "email": "p.novakova@glokal.example",
        "phone": "+420 353 502 118",
        "de": {
            "role": "Kooperationsberatung",
            "organisation": "Regionale Entwicklungsagentur Karlsbad",
        },
        "cs": {
            "role": "Poradenství pro spolupráci",
            "organisation": "Regionální rozvojová agentura Karlovy Vary",
        },
        "en": {
            "role": "Cooperation advice",
            "organisation": "Karlovy Vary Regional Development Agency",
        },
    },
    "lehmann": {
        "name": "Jens Lehmann",
        "email": "j.lehmann@glokal.example",
        "phone": "+49 371 3660215",
        "de": {
            "role": "Technologietransfer",
            "organisation": "Industrie- und Handelskammer Chemnitz",
        },
        "cs": {
            "role": "Transfer technologií",
            "organisation": "Průmyslová a obchodní komora Chemnitz",
        },
        "en": {
            "role": "Technology transfer",
            "organisation": "Chemnitz Chamber of Industry and Commerce",
        },
    },
    "dvorak": {
        "name": "Tomáš Dvořák",
        "email": "t.dvorak@glokal.example",
        "phone": "+420 475 657 111",
        "de": {"role": "Innovationsberatung", "organisation": "Innovationszentrum Ústí"},
        "cs": {"role": "Inovační poradenství", "organisation": "Inovační centrum Ústeckého kraje"},
        "en": {"role": "Innovation advice", "organisation": "Ústí Region Innovation Centre"},
    },
}

# Each image: (key, title, base colour, accent colour, motif) drawn by newsroom.demo.
IMAGES = [
    ("colonnade", "Kolonnade in Karlovy Vary", (11, 79, 138), (255, 210, 63), "columns"),
    ("workshop", "Workshop mit Unternehmen", (22, 101, 52), (240, 240, 240), "tables"),
    ("factory", "Werkhalle", (74, 85, 102), (255, 166, 77), "factory"),
    ("mountains", "Erzgebirge im Winter", (32, 64, 96), (230, 240, 250), "mountains"),
    ("glass", "Glasmanufaktur", (0, 110, 120), (180, 240, 255), "glass"),
    ("bridge", "Brücke über die Elbe", (90, 60, 130), (255, 220, 150), "bridge"),
]


def _d(*args):
    return datetime.date(*args)


ARTICLES = [
    {
        "date": _d(2024, 4, 18),
        "topics": ["events", "network"],
        "image": "colonnade",
        "contacts": ["novakova", "vogel"],
        "de": {
            "slug": "auftaktworkshop-karlovy-vary",
            "title": "Auftaktworkshop in Karlovy Vary bringt Unternehmen beider Länder zusammen",
            "lead": "Mit einem Workshop in Karlovy Vary ist das Netzwerk Glokal im April 2024 gestartet. Unternehmen, Kammern und Wirtschaftsförderer aus Sachsen und Tschechien haben erste gemeinsame Vorhaben besprochen.",
            "body": [
                "Im Mittelpunkt standen kurze Vorstellungsrunden: Jedes Unternehmen hatte drei Minuten, um zu sagen, was es anbietet und was es sucht. Dolmetscherinnen übersetzten simultan, sodass niemand auf Englisch ausweichen musste.",
                "Am Nachmittag vereinbarten die Teilnehmenden an Thementischen konkrete nächste Schritte – vom gemeinsamen Messestand bis zur Suche nach einem Zulieferer für Glaskomponenten.",
            ],
            "facts": (
                "Auf einen Blick",
                [
                    "rund 80 Teilnehmende aus 9 Regionen",
                    "35 vereinbarte Folgegespräche",
                    "Sprachen: Deutsch und Tschechisch mit Simultandolmetschen",
                ],
            ),
            "caption": "Die Kolonnade in Karlovy Vary, Ort des Auftaktworkshops",
        },
        "cs": {
            "slug": "uvodni-workshop-karlovy-vary",
            "title": "Úvodní workshop v Karlových Varech propojil firmy z obou zemí",
            "lead": "Workshopem v Karlových Varech odstartovala v dubnu 2024 síť Glokal. Firmy, komory a agentury pro podporu podnikání ze Saska a z Česka probraly první společné záměry.",
            "body": [
                "Hlavní náplní byla krátká představení: každá firma měla tři minuty na to, aby řekla, co nabízí a co hledá. Tlumočnice tlumočily simultánně, takže nikdo nemusel přecházet do angličtiny.",
                "Odpoledne se účastníci u tematických stolů dohodli na konkrétních dalších krocích – od společného stánku na veletrhu až po hledání dodavatele skleněných komponent.",
            ],
            "facts": (
                "Ve zkratce",
                [
                    "asi 80 účastníků z 9 regionů",
                    "35 domluvených navazujících jednání",
                    "jazyky: čeština a němčina se simultánním tlumočením",
                ],
            ),
            "caption": "Kolonáda v Karlových Varech, místo úvodního workshopu",
        },
        "en": {
            "slug": "kick-off-workshop-karlovy-vary",
            "title": "Kick-off workshop in Karlovy Vary brings companies from both countries together",
            "lead": "The Glokal network started with a workshop in Karlovy Vary in April 2024. Companies, chambers and business development agencies from Saxony and Czechia discussed their first joint projects.",
            "body": [
                "The focus was on short introductions: each company had three minutes to say what it offers and what it is looking for. Interpreters translated simultaneously, so nobody had to fall back on English.",
                "In the afternoon, participants agreed on concrete next steps at themed tables – from a shared trade fair stand to the search for a supplier of glass components.",
            ],
            "facts": (
                "At a glance",
                [
                    "about 80 participants from 9 regions",
                    "35 follow-up meetings arranged",
                    "languages: German and Czech with simultaneous interpreting",
                ],
            ),
            "caption": "The colonnade in Karlovy Vary, venue of the kick-off workshop",
        },
    },
    {
        "date": _d(2024, 3, 5),
        "topics": ["network"],
        "image": "bridge",
        "contacts": ["vogel"],
        "de": {
            "slug": "glokal-startet",
            "title": "Glokal startet: ein Netzwerk für Unternehmen an der sächsisch-tschechischen Grenze",
            "lead": "Das Interreg-Projekt Glokal hilft kleinen und mittleren Unternehmen, Partner auf der anderen Seite der Grenze zu finden – mit einem dreisprachigen Verzeichnis, Veranstaltungen und Erfolgsgeschichten.",
            "body": [
                "Viele Betriebe im Grenzraum kennen ihre Nachbarn nur vom Hörensagen. Glokal will das ändern: Unternehmen und Institutionen stellen sich in einem gemeinsamen Verzeichnis vor und treffen sich auf Workshops und Kooperationsbörsen.",
            ],
            "caption": "Die Elbe verbindet Sachsen und Tschechien",
        },
        "cs": {
            "slug": "glokal-startuje",
            "title": "Glokal startuje: síť pro firmy na česko-saské hranici",
            "lead": "Projekt Interreg Glokal pomáhá malým a středním podnikům najít partnery na druhé straně hranice – s trojjazyčným adresářem, akcemi a příběhy úspěchu.",
            "body": [
                "Mnoho podniků v příhraničí zná své sousedy jen z doslechu. Glokal to chce změnit: firmy a instituce se představí ve společném adresáři a setkávají se na workshopech a kooperačních burzách.",
            ],
            "caption": "Labe spojuje Sasko a Česko",
        },
        "en": {
            "slug": "glokal-launches",
            "title": "Glokal launches: a network for companies on the Saxon–Czech border",
            "lead": "The Interreg project Glokal helps small and medium-sized enterprises find partners on the other side of the border – with a trilingual directory, events and success stories.",
            "body": [
                "Many businesses in the border region know their neighbours only by hearsay. Glokal wants to change that: companies and institutions present themselves in a shared directory and meet at workshops and cooperation exchanges.",
            ],
            "caption": "The Elbe connects Saxony and Czechia",
        },
    },
    {
        "date": _d(2024, 6, 12),
        "topics": ["funding"],
        "image": "bridge",
        "contacts": ["lehmann"],
        "de": {
            "slug": "foerderung-kleinprojekte",
            "title": "Förderung für grenzüberschreitende Kleinprojekte: was Unternehmen wissen sollten",
            "lead": "Gemeinsame Messeauftritte, Übersetzungen oder ein erstes Partnertreffen lassen sich oft fördern. Wir haben die wichtigsten Voraussetzungen zusammengestellt.",
            "body": [
                "Entscheidend ist fast immer ein Partner auf der anderen Seite der Grenze, der das Vorhaben mitträgt. Die Kammern beraten kostenlos dazu, welches Programm passt und wie der Antrag aussehen muss.",
            ],
            "facts": (
                "Checkliste",
                [
                    "Partner im Nachbarland benennen",
                    "Ziel und Nutzen für beide Seiten beschreiben",
                    "Kosten realistisch planen",
                ],
            ),
        },
        "cs": {
            "slug": "dotace-male-projekty",
            "title": "Dotace na malé přeshraniční projekty: co by firmy měly vědět",
            "lead": "Společná účast na veletrhu, překlady nebo první setkání partnerů lze často podpořit z dotací. Shrnuli jsme nejdůležitější podmínky.",
            "body": [
                "Rozhodující je téměř vždy partner na druhé straně hranice, který se na záměru podílí. Komory bezplatně poradí, který program je vhodný a jak má žádost vypadat.",
            ],
            "facts": (
                "Kontrolní seznam",
                [
                    "uvést partnera v sousední zemi",
                    "popsat cíl a přínos pro obě strany",
                    "realisticky naplánovat náklady",
                ],
            ),
        },
        "en": {
            "slug": "funding-small-projects",
            "title": "Funding for small cross-border projects: what companies should know",
            "lead": "Joint trade fair appearances, translations or a first partner meeting can often be funded. We have summarised the most important requirements.",
            "body": [
                "What matters almost always is a partner on the other side of the border who shares the project. The chambers advise free of charge on which programme fits and what the application must look like.",
            ],
            "facts": (
                "Checklist",
                [
                    "name a partner in the neighbouring country",
                    "describe the aim and the benefit for both sides",
                    "plan the costs realistically",
                ],
            ),
        },
    },
    {
        "date": _d(2024, 9, 24),
        "topics": ["events", "cooperation"],
        "image": "workshop",
        "contacts": ["lehmann"],
        "de": {
            "slug": "kooperationsboerse-chemnitz",
            "title": "Kooperationsbörse in Chemnitz: 140 Gespräche an einem Tag",
            "lead": "Bei der ersten Glokal-Kooperationsbörse trafen sich Zulieferer, Maschinenbauer und Dienstleister zu vorab vereinbarten Gesprächen von je 20 Minuten.",
            "body": [
                "Die Gesprächspartner hatten sich zuvor im Glokal-Verzeichnis ausgesucht. So saßen sich Unternehmen gegenüber, deren Angebot und Bedarf tatsächlich zusammenpassen.",
                "Eine begleitende Ausstellung zeigte Produkte der teilnehmenden Firmen – von Präzisionsdrehteilen bis zu Sensoren für die Landwirtschaft.",
            ],
        },
        "cs": {
            "slug": "kooperacni-burza-chemnitz",
            "title": "Kooperační burza v Chemnitz: 140 jednání za jeden den",
            "lead": "Na první kooperační burze Glokal se setkali dodavatelé, strojírenské firmy a poskytovatelé služeb na předem domluvených dvacetiminutových jednáních.",
            "body": [
                "Partnery pro jednání si účastníci vybrali předem v adresáři Glokal. Proti sobě tak seděly firmy, jejichž nabídka a poptávka k sobě skutečně pasují.",
                "Doprovodná výstava představila výrobky zúčastněných firem – od přesných soustružených dílů až po senzory pro zemědělství.",
            ],
        },
        "en": {
            "slug": "cooperation-exchange-chemnitz",
            "title": "Cooperation exchange in Chemnitz: 140 meetings in one day",
            "lead": "At the first Glokal cooperation exchange, suppliers, machine builders and service providers met for pre-arranged meetings of 20 minutes each.",
            "body": [
                "Participants had chosen their meeting partners in the Glokal directory beforehand, so the companies that sat down together really did match in what they offer and need.",
                "An accompanying exhibition showed products of the participating firms – from precision turned parts to sensors for agriculture.",
            ],
        },
    },
    {
        "date": _d(2024, 11, 7),
        "topics": ["network"],
        "image": "factory",
        "contacts": ["vogel"],
        "de": {
            "slug": "200-profile-im-verzeichnis",
            "title": "200 Profile: das Glokal-Verzeichnis wächst",
            "lead": "Sieben Monate nach dem Start stellen sich über 200 Unternehmen und Institutionen im Verzeichnis vor, knapp die Hälfte davon aus Tschechien.",
            "body": [
                "Besonders stark vertreten sind Maschinenbau, Kunststoffverarbeitung und IT-Dienstleistungen. Jedes Profil pflegt die Organisation selbst; die Redaktion prüft Änderungen, bevor sie online gehen.",
            ],
        },
        "cs": {
            "slug": "200-profilu-v-adresari",
            "title": "200 profilů: adresář Glokal roste",
            "lead": "Sedm měsíců po spuštění se v adresáři představuje přes 200 firem a institucí, téměř polovina z nich z Česka.",
            "body": [
                "Nejsilněji jsou zastoupeny strojírenství, zpracování plastů a IT služby. Každý profil si organizace spravuje sama; redakce změny před zveřejněním kontroluje.",
            ],
        },
        "en": {
            "slug": "200-profiles-in-the-directory",
            "title": "200 profiles: the Glokal directory is growing",
            "lead": "Seven months after the launch, more than 200 companies and institutions present themselves in the directory, almost half of them from Czechia.",
            "body": [
                "Mechanical engineering, plastics processing and IT services are especially well represented. Each organisation maintains its own profile; the editorial team checks changes before they go online.",
            ],
        },
    },
    {
        "date": _d(2025, 1, 22),
        "topics": ["innovation", "events"],
        "image": "factory",
        "contacts": ["dvorak"],
        "de": {
            "slug": "workshop-wasserstoff-usti",
            "title": "Workshop in Ústí nad Labem: Wasserstoff für den Mittelstand",
            "lead": "Wie können kleine Betriebe von der Wasserstoffwirtschaft profitieren? Forschende und Unternehmen aus beiden Ländern suchten in Ústí nach Antworten.",
            "body": [
                "Vorgestellt wurden Pilotprojekte aus dem Erzgebirge und dem Ústecký kraj. Deutlich wurde: Gefragt sind vor allem Zulieferer für Komponenten, Wartung und Messtechnik.",
            ],
        },
        "cs": {
            "slug": "workshop-vodik-usti",
            "title": "Workshop v Ústí nad Labem: vodík pro malé a střední firmy",
            "lead": "Jak mohou malé podniky těžit z vodíkového hospodářství? Výzkumníci a firmy z obou zemí hledali v Ústí odpovědi.",
            "body": [
                "Představeny byly pilotní projekty z Krušnohoří a z Ústeckého kraje. Ukázalo se, že poptávka je hlavně po dodavatelích komponent, údržby a měřicí techniky.",
            ],
        },
        "en": {
            "slug": "workshop-hydrogen-usti",
            "title": "Workshop in Ústí nad Labem: hydrogen for small businesses",
            "lead": "How can small businesses benefit from the hydrogen economy? Researchers and companies from both countries looked for answers in Ústí.",
            "body": [
                "Pilot projects from the Ore Mountains and the Ústí Region were presented. It became clear that suppliers of components, maintenance and measuring technology are most in demand.",
            ],
        },
    },
    {
        "date": _d(2025, 3, 13),
        "topics": ["cooperation"],
        "image": "glass",
        "contacts": ["novakova"],
        "de": {
            "slug": "besuch-glascluster-liberec",
            "title": "Besuch beim Glascluster in Liberec",
            "lead": "Zwölf sächsische Unternehmen besuchten Glasmanufakturen und Forschungslabore im Liberecký kraj – und brachten drei konkrete Kooperationsideen mit nach Hause.",
            "body": [
                "Die Region um Liberec und Jablonec ist seit Jahrhunderten für Glas und Schmuck bekannt. Heute arbeiten die Betriebe an beschichtetem Glas für Sensoren und an Leuchten für die Architektur.",
            ],
        },
        "cs": {
            "slug": "navsteva-sklarskeho-klastru-liberec",
            "title": "Návštěva sklářského klastru v Liberci",
            "lead": "Dvanáct saských firem navštívilo sklářské manufaktury a výzkumné laboratoře v Libereckém kraji – a odvezlo si domů tři konkrétní nápady na spolupráci.",
            "body": [
                "Region kolem Liberce a Jablonce je po staletí známý sklem a bižuterií. Dnes tamní firmy pracují na pokovovaném skle pro senzory a na svítidlech pro architekturu.",
            ],
        },
        "en": {
            "slug": "visit-glass-cluster-liberec",
            "title": "Visit to the glass cluster in Liberec",
            "lead": "Twelve Saxon companies visited glassworks and research laboratories in the Liberec Region – and took three concrete cooperation ideas home with them.",
            "body": [
                "The area around Liberec and Jablonec has been known for glass and jewellery for centuries. Today its firms work on coated glass for sensors and on lighting for architecture.",
            ],
        },
    },
    {
        "date": _d(2025, 4, 29),
        "topics": ["network"],
        "image": "colonnade",
        "contacts": ["vogel", "novakova"],
        "de": {
            "slug": "ein-jahr-glokal",
            "title": "Ein Jahr Glokal: Bilanz und nächste Schritte",
            "lead": "Ein Jahr nach dem Auftaktworkshop in Karlovy Vary zieht das Projektteam Bilanz: sechs Veranstaltungen, über 300 Profile und die ersten gemeinsamen Aufträge.",
            "body": [
                "Im zweiten Jahr soll das Netzwerk stärker in die Fläche gehen – mit kleineren Formaten direkt in den Betrieben und einer Sprechstunde für Förderfragen.",
            ],
            "facts": (
                "Das erste Jahr",
                [
                    "6 Veranstaltungen",
                    "über 300 Profile im Verzeichnis",
                    "12 dokumentierte Kooperationen",
                ],
            ),
        },
        "cs": {
            "slug": "rok-glokal",
            "title": "Rok projektu Glokal: bilance a další kroky",
            "lead": "Rok po úvodním workshopu v Karlových Varech bilancuje projektový tým: šest akcí, přes 300 profilů a první společné zakázky.",
            "body": [
                "Ve druhém roce má síť víc proniknout do regionů – s menšími formáty přímo ve firmách a s konzultačními hodinami k dotacím.",
            ],
            "facts": (
                "První rok",
                ["6 akcí", "přes 300 profilů v adresáři", "12 zdokumentovaných spoluprací"],
            ),
        },
        "en": {
            "slug": "one-year-of-glokal",
            "title": "One year of Glokal: results and next steps",
            "lead": "One year after the kick-off workshop in Karlovy Vary, the project team takes stock: six events, more than 300 profiles and the first joint orders.",
            "body": [
                "In its second year the network will reach further into the regions – with smaller formats held directly at companies and office hours for funding questions.",
            ],
            "facts": (
                "The first year",
                [
                    "6 events",
                    "more than 300 profiles in the directory",
                    "12 documented cooperations",
                ],
            ),
        },
    },
    {
        "date": _d(2025, 5, 20),
        "topics": ["cooperation", "skills"],
        "image": "workshop",
        "contacts": ["novakova"],
        "de": {
            "slug": "sprachtandems-fuer-unternehmen",
            "title": "Sprachtandems für Unternehmen: Tschechisch und Deutsch am Arbeitsplatz",
            "lead": "Beschäftigte aus Partnerbetrieben lernen paarweise die Sprache des anderen – online und bei gegenseitigen Besuchen.",
            "body": [
                "Die Tandems treffen sich einmal pro Woche für eine Stunde. Geübt wird mit dem, was im Alltag gebraucht wird: Lieferscheine, Telefonate, Sicherheitsunterweisungen.",
            ],
        },
        "cs": {
            "slug": "jazykove-tandemy-pro-firmy",
            "title": "Jazykové tandemy pro firmy: čeština a němčina v práci",
            "lead": "Zaměstnanci partnerských podniků se ve dvojicích učí jazyk toho druhého – online i při vzájemných návštěvách.",
            "body": [
                "Tandemy se scházejí jednou týdně na hodinu. Procvičuje se to, co je potřeba v běžném provozu: dodací listy, telefonáty, bezpečnostní školení.",
            ],
        },
        "en": {
            "slug": "language-tandems-for-companies",
            "title": "Language tandems for companies: Czech and German at work",
            "lead": "Employees of partner companies learn each other's language in pairs – online and during mutual visits.",
            "body": [
                "The tandems meet once a week for an hour. They practise what everyday work requires: delivery notes, phone calls, safety briefings.",
            ],
        },
    },
    {
        "date": _d(2025, 6, 17),
        "topics": ["skills"],
        "image": "mountains",
        "contacts": ["lehmann"],
        "de": {
            "slug": "ausbildung-ueber-die-grenze",
            "title": "Ausbildung über die Grenze: Praktika im Nachbarland",
            "lead": "Auszubildende aus dem Erzgebirge und dem Karlsbader Land verbringen einige Wochen im Partnerbetrieb auf der anderen Seite.",
            "body": [
                "Die Betriebe berichten, dass die jungen Leute danach selbstbewusster auftreten und Kontakte halten, die später bei Aufträgen helfen.",
            ],
        },
        "cs": {
            "slug": "vzdelavani-pres-hranici",
            "title": "Vzdělávání přes hranici: praxe v sousední zemi",
            "lead": "Učni z Krušnohoří a Karlovarska stráví několik týdnů v partnerském podniku na druhé straně hranice.",
            "body": [
                "Firmy uvádějí, že mladí lidé pak vystupují sebevědoměji a udržují kontakty, které později pomáhají při zakázkách.",
            ],
        },
        "en": {
            "slug": "training-across-the-border",
            "title": "Training across the border: placements in the neighbouring country",
            "lead": "Apprentices from the Ore Mountains and the Karlovy Vary area spend several weeks at a partner company on the other side.",
            "body": [
                "The companies report that the young people come back more confident and keep contacts that later help to win orders.",
            ],
        },
    },
    {
        "date": _d(2025, 9, 9),
        "topics": ["events"],
        "image": "mountains",
        "contacts": ["vogel"],
        "de": {
            "slug": "praxisbesuch-vogtland",
            "title": "Praxisbesuch im Vogtland: wie ein Familienbetrieb den tschechischen Markt erschloss",
            "lead": "Beim Praxisbesuch in Plauen zeigte ein Hersteller von Musikinstrumententeilen, wie er in drei Jahren Kunden in ganz Tschechien gewonnen hat.",
            "body": [
                "Der wichtigste Rat des Geschäftsführers: mit einem zuverlässigen Partner vor Ort beginnen und die ersten Aufträge klein halten.",
            ],
        },
        "cs": {
            "slug": "navsteva-vogtland",
            "title": "Návštěva ve Fojtsku: jak rodinná firma pronikla na český trh",
            "lead": "Při návštěvě v Plavně ukázal výrobce dílů pro hudební nástroje, jak za tři roky získal zákazníky po celém Česku.",
            "body": [
                "Nejdůležitější rada jednatele: začít se spolehlivým partnerem na místě a první zakázky držet malé.",
            ],
        },
        "en": {
            "slug": "company-visit-vogtland",
            "title": "Company visit in the Vogtland: how a family firm entered the Czech market",
            "lead": "During the visit in Plauen, a maker of musical instrument parts showed how it won customers across Czechia in three years.",
            "body": [
                "The managing director's main advice: start with a reliable partner on the ground and keep the first orders small.",
            ],
        },
    },
    {
        "date": _d(2025, 10, 15),
        "topics": ["funding", "innovation"],
        "image": "glass",
        "contacts": ["dvorak", "lehmann"],
        "de": {
            "slug": "innovationsgutscheine",
            "title": "Innovationsgutscheine: Forschung im Nachbarland einkaufen",
            "lead": "Mit Innovationsgutscheinen können kleine Unternehmen Prüfungen und Entwicklungsleistungen bei Forschungseinrichtungen auf beiden Seiten der Grenze beauftragen.",
            "body": [
                "Besonders gefragt sind Materialprüfungen und Prototypen. Das Glokal-Verzeichnis listet die Labore, die Aufträge aus dem Nachbarland annehmen.",
            ],
        },
        "cs": {
            "slug": "inovacni-vouchery",
            "title": "Inovační vouchery: výzkum nakoupený v sousední zemi",
            "lead": "S inovačními vouchery mohou malé firmy zadávat zkoušky a vývoj výzkumným institucím na obou stranách hranice.",
            "body": [
                "Největší zájem je o materiálové zkoušky a prototypy. Adresář Glokal uvádí laboratoře, které přijímají zakázky ze sousední země.",
            ],
        },
        "en": {
            "slug": "innovation-vouchers",
            "title": "Innovation vouchers: buying research in the neighbouring country",
            "lead": "With innovation vouchers, small companies can commission tests and development work from research institutions on both sides of the border.",
            "body": [
                "Material testing and prototypes are in particular demand. The Glokal directory lists the laboratories that accept orders from the neighbouring country.",
            ],
        },
    },
]

STORIES = [
    {
        "date": _d(2024, 10, 2),
        "featured": True,
        "regions": ["DED2D", "CZ051"],
        "sectors": ["mechanical-engineering"],
        "image": "factory",
        "contacts": ["lehmann"],
        "figures": [("3 Monate", "3 měsíce", "3 months"), ("-18 %", "-18 %", "-18%")],
        "figure_labels": [
            (
                "bis zur ersten Serienlieferung",
                "do první sériové dodávky",
                "to the first series delivery",
            ),
            ("Lieferzeit", "dodací lhůta", "delivery time"),
        ],
        "de": {
            "slug": "praezisionsteile-goerlitz-liberec",
            "title": "Präzisionsteile aus Liberec für einen Maschinenbauer in Görlitz",
            "summary": "Ein Görlitzer Maschinenbauer fand über Glokal einen Zulieferer für Drehteile im 40 Kilometer entfernten Liberec.",
            "starting_point": "Der Betrieb baut Verpackungsmaschinen und bezog Drehteile bisher aus Süddeutschland.",
            "challenge": "Lange Transportwege und Lieferzeiten von acht Wochen bremsten Sonderanfertigungen.",
            "solution": "Auf der Kooperationsbörse in Chemnitz traf der Einkaufsleiter eine Liberecer Dreherei. Nach einer Musterserie folgte der Rahmenvertrag.",
            "result": "Teile kommen jetzt in zwei Wochen, Ingenieure beider Firmen stimmen Zeichnungen direkt ab.",
            "quote": "Wir hätten nie gedacht, dass der passende Partner so nah ist.",
            "attribution": "Einkaufsleiter, Maschinenbau, Görlitz",
        },
        "cs": {
            "slug": "presne-dily-liberec-gorlitz",
            "title": "Přesné díly z Liberce pro strojírenskou firmu ze Zhořelce",
            "summary": "Strojírenská firma ze Zhořelce našla přes Glokal dodavatele soustružených dílů v 40 kilometrů vzdáleném Liberci.",
            "starting_point": "Firma vyrábí balicí stroje a soustružené díly dosud odebírala z jižního Německa.",
            "challenge": "Dlouhé přepravní trasy a osmitýdenní dodací lhůty brzdily zakázkovou výrobu.",
            "solution": "Na kooperační burze v Chemnitz se vedoucí nákupu setkal s libereckou soustružnou. Po vzorkové sérii následovala rámcová smlouva.",
            "result": "Díly nyní dorazí za dva týdny a inženýři obou firem ladí výkresy přímo spolu.",
            "quote": "Nikdy by nás nenapadlo, že vhodný partner je tak blízko.",
            "attribution": "vedoucí nákupu, strojírenství, Zhořelec",
        },
        "en": {
            "slug": "precision-parts-liberec-goerlitz",
            "title": "Precision parts from Liberec for a machine builder in Görlitz",
            "summary": "A machine builder in Görlitz found a supplier of turned parts through Glokal in Liberec, just 40 kilometres away.",
            "starting_point": "The company builds packaging machines and used to source turned parts from southern Germany.",
            "challenge": "Long transport routes and delivery times of eight weeks slowed down custom orders.",
            "solution": "At the cooperation exchange in Chemnitz, the head of purchasing met a turning shop from Liberec. A sample series was followed by a framework contract.",
            "result": "Parts now arrive within two weeks, and engineers of both firms agree drawings directly.",
            "quote": "We never thought the right partner was so close.",
            "attribution": "Head of purchasing, mechanical engineering, Görlitz",
        },
    },
    {
        "date": _d(2024, 12, 4),
        "featured": True,
        "regions": ["CZ051", "DED21"],
        "sectors": ["glass-ceramics"],
        "image": "glass",
        "contacts": ["novakova"],
        "figures": [("2", "2", "2"), ("120", "120", "120")],
        "figure_labels": [
            ("gemeinsame Leuchtenserien", "společné řady svítidel", "joint lighting series"),
            ("Objekte ausgestattet", "vybavených objektů", "buildings fitted"),
        ],
        "de": {
            "slug": "glasleuchten-dresden-jablonec",
            "title": "Leuchten aus böhmischem Glas für Dresdner Architekten",
            "summary": "Ein Dresdner Lichtplanungsbüro und eine Glashütte bei Jablonec entwickeln gemeinsam Leuchten für öffentliche Gebäude.",
            "starting_point": "Das Planungsbüro suchte mundgeblasenes Glas in kleinen Serien, die große Hersteller nicht anbieten.",
            "challenge": "Normen für öffentliche Gebäude und die Abstimmung in zwei Sprachen.",
            "solution": "Beim Glokal-Besuch in Liberec entstand der Kontakt; ein gemeinsamer Prototyp wurde über einen Innovationsgutschein finanziert.",
            "result": "Zwei Leuchtenserien sind auf dem Markt, die Glashütte hat eine zweite Schicht eingeführt.",
            "quote": "Unser Handwerk und ihre Planung ergänzen sich ideal.",
            "attribution": "Inhaberin einer Glashütte, Jablonec nad Nisou",
        },
        "cs": {
            "slug": "svitidla-jablonec-drazdany",
            "title": "Svítidla z českého skla pro drážďanské architekty",
            "summary": "Drážďanská kancelář světelného designu a sklárna u Jablonce společně vyvíjejí svítidla pro veřejné budovy.",
            "starting_point": "Projekční kancelář hledala foukané sklo v malých sériích, které velcí výrobci nenabízejí.",
            "challenge": "Normy pro veřejné budovy a domluva ve dvou jazycích.",
            "solution": "Kontakt vznikl při návštěvě Glokal v Liberci; společný prototyp byl financován z inovačního voucheru.",
            "result": "Na trhu jsou dvě řady svítidel a sklárna zavedla druhou směnu.",
            "quote": "Naše řemeslo a jejich návrhy se ideálně doplňují.",
            "attribution": "majitelka sklárny, Jablonec nad Nisou",
        },
        "en": {
            "slug": "glass-lighting-jablonec-dresden",
            "title": "Lights made of Bohemian glass for Dresden architects",
            "summary": "A Dresden lighting design office and a glassworks near Jablonec jointly develop lights for public buildings.",
            "starting_point": "The design office was looking for mouth-blown glass in small series that large manufacturers do not offer.",
            "challenge": "Standards for public buildings and coordination in two languages.",
            "solution": "The contact was made during the Glokal visit to Liberec; a joint prototype was financed with an innovation voucher.",
            "result": "Two lighting series are on the market, and the glassworks has introduced a second shift.",
            "quote": "Our craft and their design complement each other perfectly.",
            "attribution": "Owner of a glassworks, Jablonec nad Nisou",
        },
    },
    {
        "date": _d(2025, 2, 11),
        "featured": True,
        "regions": ["CZ041", "DED44"],
        "sectors": ["tourism"],
        "image": "colonnade",
        "contacts": ["novakova"],
        "figures": [("4", "4", "4"), ("+25 %", "+25 %", "+25%")],
        "figure_labels": [
            ("Kurorte im Verbund", "lázeňská místa ve spolupráci", "spa towns in the partnership"),
            (
                "Übernachtungen aus dem Nachbarland",
                "přenocování ze sousední země",
                "overnight stays from the neighbouring country",
            ),
        ],
        "de": {
            "slug": "baederdreieck-vogtland-karlsbad",
            "title": "Ein Bäderdreieck über die Grenze: Vogtland und Karlsbader Land",
            "summary": "Kurbetriebe aus Bad Elster und dem Karlsbader Land vermarkten ihre Angebote gemeinsam.",
            "starting_point": "Gäste kannten meist nur die Kurorte auf ihrer Seite der Grenze.",
            "challenge": "Unterschiedliche Buchungssysteme und getrennte Werbebudgets.",
            "solution": "Ein gemeinsames Pauschalangebot mit Transfer und dreisprachigen Informationen.",
            "result": "Die Übernachtungen von Gästen aus dem Nachbarland stiegen um ein Viertel.",
            "quote": "Für unsere Gäste gibt es keine Grenze mehr, nur noch eine Region.",
            "attribution": "Marketingleiterin, Kurbetrieb, Bad Elster",
        },
        "cs": {
            "slug": "lazensky-trojuhelnik-fojtsko-karlovarsko",
            "title": "Lázeňský trojúhelník přes hranici: Fojtsko a Karlovarsko",
            "summary": "Lázeňské provozy z Bad Elsteru a z Karlovarska společně propagují své nabídky.",
            "starting_point": "Hosté většinou znali jen lázně na své straně hranice.",
            "challenge": "Rozdílné rezervační systémy a oddělené rozpočty na propagaci.",
            "solution": "Společný balíček s transferem a trojjazyčnými informacemi.",
            "result": "Počet přenocování hostů ze sousední země vzrostl o čtvrtinu.",
            "quote": "Pro naše hosty už hranice neexistuje, je jen jeden region.",
            "attribution": "vedoucí marketingu, lázně Bad Elster",
        },
        "en": {
            "slug": "spa-triangle-vogtland-karlovy-vary",
            "title": "A spa triangle across the border: Vogtland and the Karlovy Vary area",
            "summary": "Spa businesses from Bad Elster and the Karlovy Vary area market their offers together.",
            "starting_point": "Guests usually knew only the spa towns on their side of the border.",
            "challenge": "Different booking systems and separate advertising budgets.",
            "solution": "A joint package with transfers and information in three languages.",
            "result": "Overnight stays by guests from the neighbouring country rose by a quarter.",
            "quote": "For our guests there is no border any more, just one region.",
            "attribution": "Head of marketing, spa, Bad Elster",
        },
    },
    {
        "date": _d(2025, 4, 8),
        "featured": False,
        "regions": ["DED41"],
        "sectors": ["it"],
        "image": "workshop",
        "contacts": ["lehmann"],
        "figures": [("6", "6", "6"), ("1", "1", "1")],
        "figure_labels": [
            ("Entwicklerinnen und Entwickler im Team", "vývojářů v týmu", "developers in the team"),
            ("gemeinsames Produkt", "společný produkt", "joint product"),
        ],
        "de": {
            "slug": "software-team-chemnitz",
            "title": "Ein deutsch-tschechisches Softwareteam in Chemnitz",
            "summary": "Ein Chemnitzer Softwarehaus und ein Entwicklerstudio aus Ústí arbeiten als ein Team an Software für Werkstätten.",
            "starting_point": "Das Chemnitzer Unternehmen fand nicht genug Entwicklerinnen und Entwickler.",
            "challenge": "Gemeinsame Arbeitsweise, Sprache und Verträge für ein verteiltes Team.",
            "solution": "Zwei Tage pro Woche arbeitet das Team gemeinsam im Chemnitzer Büro, sonst remote; Teamsprache ist Englisch, Sprachtandems helfen im Alltag.",
            "result": "Das gemeinsame Produkt ist seit Anfang 2025 bei 40 Werkstätten im Einsatz.",
            "quote": "Die Grenze merken wir nur noch an der Autobahnvignette.",
            "attribution": "Geschäftsführer, Softwarehaus, Chemnitz",
        },
        "cs": {
            "slug": "softwarovy-tym-chemnitz",
            "title": "Česko-německý softwarový tým v Chemnitz",
            "summary": "Softwarová firma z Chemnitz a vývojářské studio z Ústí pracují jako jeden tým na softwaru pro autoservisy.",
            "starting_point": "Firma z Chemnitz nemohla najít dost vývojářů.",
            "challenge": "Společný způsob práce, jazyk a smlouvy pro distribuovaný tým.",
            "solution": "Dva dny v týdnu pracuje tým společně v kanceláři v Chemnitz, jinak na dálku; týmovým jazykem je angličtina, v běžném provozu pomáhají jazykové tandemy.",
            "result": "Společný produkt od začátku roku 2025 používá 40 servisů.",
            "quote": "Hranici poznáme už jen podle dálniční známky.",
            "attribution": "jednatel softwarové firmy, Chemnitz",
        },
        "en": {
            "slug": "software-team-chemnitz",
            "title": "A German–Czech software team in Chemnitz",
            "summary": "A Chemnitz software company and a development studio from Ústí work as one team on software for garages.",
            "starting_point": "The Chemnitz company could not find enough developers.",
            "challenge": "A shared way of working, language and contracts for a distributed team.",
            "solution": "Two days a week the team works together in the Chemnitz office, otherwise remotely; the team language is English, and language tandems help day to day.",
            "result": "Since early 2025 the joint product has been used by 40 garages.",
            "quote": "The only reminder of the border is the motorway vignette.",
            "attribution": "Managing director, software company, Chemnitz",
        },
    },
    {
        "date": _d(2025, 7, 1),
        "featured": False,
        "regions": ["CZ042", "DED42"],
        "sectors": ["energy-environment"],
        "image": "mountains",
        "contacts": ["dvorak"],
        "figures": [("250 kW", "250 kW", "250 kW"), ("2", "2", "2")],
        "figure_labels": [
            (
                "Elektrolyseur im Testbetrieb",
                "elektrolyzér ve zkušebním provozu",
                "electrolyser in test operation",
            ),
            ("Hochschulen beteiligt", "zapojené vysoké školy", "universities involved"),
        ],
        "de": {
            "slug": "wasserstoff-erzgebirge-usti",
            "title": "Wasserstoff aus dem Erzgebirge für Betriebe in Ústí",
            "summary": "Ein Anlagenbauer aus dem Erzgebirge und ein Chemiebetrieb in Ústí testen gemeinsam einen kleinen Elektrolyseur.",
            "starting_point": "Der Chemiebetrieb wollte Erdgas in einem Teilprozess ersetzen.",
            "challenge": "Fehlende Erfahrung mit kleinen Anlagen und unterschiedliche Genehmigungsverfahren.",
            "solution": "Nach dem Glokal-Workshop in Ústí entwarfen beide Firmen mit zwei Hochschulen ein Testprogramm.",
            "result": "Der Elektrolyseur läuft im Testbetrieb; die Messdaten stehen beiden Seiten offen.",
            "quote": "Ohne den Workshop hätten wir uns nie kennengelernt.",
            "attribution": "Projektleiter, Chemiebetrieb, Ústí nad Labem",
        },
        "cs": {
            "slug": "vodik-krusnohori-usti",
            "title": "Vodík z Krušnohoří pro podniky v Ústí",
            "summary": "Výrobce zařízení z Krušnohoří a chemický podnik v Ústí společně testují malý elektrolyzér.",
            "starting_point": "Chemický podnik chtěl v jednom dílčím procesu nahradit zemní plyn.",
            "challenge": "Chyběly zkušenosti s malými zařízeními a povolovací řízení se v obou zemích liší.",
            "solution": "Po workshopu Glokal v Ústí navrhly obě firmy se dvěma vysokými školami zkušební program.",
            "result": "Elektrolyzér je ve zkušebním provozu; naměřená data mají k dispozici obě strany.",
            "quote": "Bez workshopu bychom se nikdy nepoznali.",
            "attribution": "vedoucí projektu, chemický podnik, Ústí nad Labem",
        },
        "en": {
            "slug": "hydrogen-ore-mountains-usti",
            "title": "Hydrogen from the Ore Mountains for businesses in Ústí",
            "summary": "A plant builder from the Ore Mountains and a chemical company in Ústí are jointly testing a small electrolyser.",
            "starting_point": "The chemical company wanted to replace natural gas in one part of its process.",
            "challenge": "Lack of experience with small plants and different permit procedures.",
            "solution": "After the Glokal workshop in Ústí, both firms designed a test programme with two universities.",
            "result": "The electrolyser is in test operation; the measurement data are open to both sides.",
            "quote": "Without the workshop we would never have met.",
            "attribution": "Project manager, chemical company, Ústí nad Labem",
        },
    },
    {
        "date": _d(2025, 9, 23),
        "featured": False,
        "regions": ["CZ041"],
        "sectors": ["food"],
        "image": "bridge",
        "contacts": ["novakova"],
        "figures": [("14", "14", "14"), ("3", "3", "3")],
        "figure_labels": [
            ("Filialen beliefert", "zásobovaných prodejen", "shops supplied"),
            (
                "regionale Produkte im Sortiment",
                "regionální výrobky v sortimentu",
                "regional products in the range",
            ),
        ],
        "de": {
            "slug": "baeckerei-karlsbader-land",
            "title": "Sächsisches Backhandwerk im Karlsbader Land",
            "summary": "Eine Bäckerei aus dem Vogtland beliefert gemeinsam mit einer Mühle aus Cheb Hotels und Läden im Karlsbader Land.",
            "starting_point": "Hotels in Karlovy Vary fragten nach deutschem Brot für ihre Gäste.",
            "challenge": "Kurze Haltbarkeit und Lebensmittelrecht in zwei Ländern.",
            "solution": "Die Mühle in Cheb liefert das Mehl, gebacken wird in einer gemeinsam betriebenen Backstube bei Sokolov.",
            "result": "Heute werden 14 Läden und Hotels täglich beliefert.",
            "quote": "Regional heißt für uns jetzt: beiderseits der Grenze.",
            "attribution": "Bäckermeister aus dem Vogtland",
        },
        "cs": {
            "slug": "pekarna-karlovarsko",
            "title": "Saské pekařské řemeslo na Karlovarsku",
            "summary": "Pekárna z Fojtska spolu s mlýnem z Chebu zásobuje hotely a obchody na Karlovarsku.",
            "starting_point": "Hotely v Karlových Varech se ptaly po německém chlebu pro své hosty.",
            "challenge": "Krátká trvanlivost a potravinové právo ve dvou zemích.",
            "solution": "Mlýn v Chebu dodává mouku, peče se ve společně provozované pekárně u Sokolova.",
            "result": "Dnes je denně zásobováno 14 obchodů a hotelů.",
            "quote": "Regionální pro nás teď znamená: na obou stranách hranice.",
            "attribution": "pekařský mistr z Fojtska",
        },
        "en": {
            "slug": "bakery-karlovy-vary-region",
            "title": "Saxon bakery craft in the Karlovy Vary region",
            "summary": "A bakery from the Vogtland supplies hotels and shops in the Karlovy Vary region together with a mill from Cheb.",
            "starting_point": "Hotels in Karlovy Vary asked for German bread for their guests.",
            "challenge": "Short shelf life and food law in two countries.",
            "solution": "The mill in Cheb supplies the flour; baking takes place in a jointly run bakehouse near Sokolov.",
            "result": "Today 14 shops and hotels are supplied every day.",
            "quote": "For us, regional now means: on both sides of the border.",
            "attribution": "Master baker from the Vogtland",
        },
    },
]

INDEXES = {
    "news": {
        "de": {
            "slug": "aktuelles",
            "title": "Aktuelles",
            "introduction": "Neuigkeiten aus dem Netzwerk Glokal, von unseren Veranstaltungen und aus der Region.",
        },
        "cs": {
            "slug": "aktuality",
            "title": "Aktuality",
            "introduction": "Novinky ze sítě Glokal, z našich akcí a z regionu.",
        },
        "en": {
            "slug": "news",
            "title": "News",
            "introduction": "News from the Glokal network, our events and the region.",
        },
    },
    "stories": {
        "de": {
            "slug": "erfolgsgeschichten",
            "title": "Erfolgsgeschichten",
            "introduction": "Wie Unternehmen und Institutionen über die Grenze hinweg zusammenarbeiten – und was andere davon lernen können.",
        },
        "cs": {
            "slug": "pribehy-uspechu",
            "title": "Příběhy úspěchu",
            "introduction": "Jak firmy a instituce spolupracují přes hranici – a co se z toho mohou naučit ostatní.",
        },
        "en": {
            "slug": "success-stories",
            "title": "Success stories",
            "introduction": "How companies and institutions cooperate across the border – and what others can learn from them.",
        },
    },
}
