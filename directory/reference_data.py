"""The directory's reference data: NUTS-3 regions, sectors and certifications.

Seeded as Region, Sector and Certification snippets by migration 0002; the newsroom's story
filters use the same codes and names.
"""

# nuts3, country, in programme area, name de, name cs, name en (copied from regions.csv).
REGIONS = [
    ("DED21", "DE", True, "Dresden", "Drážďany", "Dresden"),
    ("DED41", "DE", True, "Chemnitz", "Saská Kamenice", "Chemnitz"),
    ("DED2C", "DE", True, "Bautzen", "Budyšín", "Bautzen"),
    ("DED2D", "DE", True, "Görlitz", "Zhořelec", "Görlitz"),
    (
        "DED2F",
        "DE",
        True,
        "Sächsische Schweiz-Osterzgebirge",
        "Saské Švýcarsko-Východní Krušné hory",
        "Saxon Switzerland-Eastern Ore Mountains",
    ),
    ("DED43", "DE", True, "Mittelsachsen", "Střední Sasko", "Central Saxony"),
    ("DED42", "DE", True, "Erzgebirgskreis", "Krušnohorský zemský okres", "Ore Mountains District"),
    ("DED45", "DE", True, "Zwickau", "Cvikov", "Zwickau"),
    ("DED44", "DE", True, "Vogtlandkreis", "Fojtsko", "Vogtland District"),
    ("CZ041", "CZ", True, "Karlsbader Region", "Karlovarský kraj", "Karlovy Vary Region"),
    ("CZ042", "CZ", True, "Region Aussig", "Ústecký kraj", "Ústí nad Labem Region"),
    ("CZ051", "CZ", True, "Region Reichenberg", "Liberecký kraj", "Liberec Region"),
    ("DED2E", "DE", False, "Meißen", "Míšeň", "Meissen"),
    ("DED51", "DE", False, "Leipzig", "Lipsko", "Leipzig"),
    ("DED52", "DE", False, "Landkreis Leipzig", "Zemský okres Lipsko", "Leipzig District"),
    ("DED53", "DE", False, "Nordsachsen", "Severní Sasko", "North Saxony"),
]

# slug, NACE Rev. 2 codes, name de, name cs, name en.
SECTORS = [
    (
        "automotive-suppliers",
        "C29",
        "Automobilzulieferer",
        "Automobiloví dodavatelé",
        "Automotive suppliers",
    ),
    ("mechanical-engineering", "C28", "Maschinenbau", "Strojírenství", "Mechanical engineering"),
    (
        "metalworking",
        "C24, C25",
        "Metallbearbeitung",
        "Kovovýroba a zpracování kovů",
        "Metalworking",
    ),
    ("plastics", "C22", "Kunststoffverarbeitung", "Zpracování plastů", "Plastics"),
    (
        "electronics",
        "C26, C27",
        "Elektrotechnik und Elektronik",
        "Elektrotechnika a elektronika",
        "Electronics and electrical engineering",
    ),
    ("rail-vehicles", "C30.2", "Schienenfahrzeugbau", "Výroba kolejových vozidel", "Rail vehicles"),
    ("glass-ceramics", "C23.1, C23.4", "Glas und Keramik", "Sklo a keramika", "Glass and ceramics"),
    ("textiles", "C13, C14", "Textil und Bekleidung", "Textil a oděvy", "Textiles and clothing"),
    ("wood-furniture", "C16, C31", "Holz und Möbel", "Dřevo a nábytek", "Wood and furniture"),
    ("food", "C10, C11", "Lebensmittel und Getränke", "Potraviny a nápoje", "Food and beverages"),
    ("chemicals", "C20", "Chemie", "Chemický průmysl", "Chemicals"),
    (
        "energy-environment",
        "D35, E38, E39",
        "Energie und Umwelt",
        "Energetika a životní prostředí",
        "Energy and environment",
    ),
    ("it", "J62, J63", "Informationstechnik", "Informační technologie", "Information technology"),
    ("logistics", "H49, H52", "Logistik", "Logistika", "Logistics"),
    ("construction", "F41, F42, F43", "Bauwesen", "Stavebnictví", "Construction"),
    ("tourism", "I55, I56, N79", "Tourismus", "Cestovní ruch", "Tourism"),
    (
        "business-services",
        "M69, M70, M73, N82",
        "Unternehmensdienstleistungen",
        "Služby pro podniky",
        "Business services",
    ),
    (
        "research-education",
        "M72, P85",
        "Forschung und Bildung",
        "Výzkum a vzdělávání",
        "Research and education",
    ),
    (
        "health-medical",
        "C32.5, Q86",
        "Gesundheit und Medizintechnik",
        "Zdravotnictví a zdravotnická technika",
        "Health and medical technology",
    ),
    (
        "public-business-development",
        "O84.1, S94.1",
        "Öffentliche Wirtschaftsförderung",
        "Veřejná podpora podnikání",
        "Public business development",
    ),
]

# slug, name (the standards' names are the same in every language).
CERTIFICATIONS = [
    ("iso-9001", "ISO 9001"),
    ("iso-14001", "ISO 14001"),
    ("iatf-16949", "IATF 16949"),
    ("iso-45001", "ISO 45001"),
    ("iso-50001", "ISO 50001"),
    ("iso-iec-27001", "ISO/IEC 27001"),
    ("en-9100", "EN 9100"),
    ("iso-13485", "ISO 13485"),
    ("emas", "EMAS"),
    ("ifs-food", "IFS Food"),
]
