"""Example content that shows what the platform can do: organisations and projects.

`manage.py load_demo` loads this (see `portfolio.loaders.load_demo`). Every project is marked
as an example (`is_example`); the `external_id` ("demo-001", …) is its identity, so editing a
project here and loading again updates it. The projects and the organisations below are made
up; the core partners they refer to come from `programme_data.CORE_PARTNERS`.

A project's `description` (and its optional `participation`, how to take part) is a tuple of
paragraphs; the loader joins them with blank lines. `contact_email` is a role address.
`partners` lists (organisation name, role) pairs next to the `lead` (role "trekker").
"""

FICTIONAL = "Fictieve organisatie, bedacht voor de voorbeeldprojecten van dit platform."

ORGANISATIONS = [
    {"name": "Bewonersvereniging Tuinstadwijk", "kind": "bewonersinitiatief"},
    {"name": "Buurtnetwerk Gezond Leiden-Noord", "kind": "bewonersinitiatief"},
    {"name": "Merenwijk Klimaatcollectief", "kind": "bewonersinitiatief"},
    {"name": "Natuurwerkgroep Singelpark", "kind": "bewonersinitiatief"},
    {"name": "Stichting Groene Schoolpleinen Leiden", "kind": "maatschappelijk"},
    {"name": "Welzijnsteam Leiden", "kind": "maatschappelijk"},
    {"name": "Huisartsennetwerk Leiden-Noord", "kind": "maatschappelijk"},
    {"name": "Sportvereniging Stevenshof Actief", "kind": "maatschappelijk"},
    {"name": "Energiecoöperatie Leiden-Zuid", "kind": "maatschappelijk"},
    {"name": "Fonds Leidse Wijkinitiatieven", "kind": "maatschappelijk"},
    {"name": "Woonstichting Rijnstad", "kind": "maatschappelijk"},
    {"name": "Basisschool De Vlinderhof", "kind": "onderwijs"},
    {"name": "Scholengroep Het Noorderlicht", "kind": "onderwijs"},
    {"name": "Leidse Lerarencoöperatie", "kind": "onderwijs"},
    {"name": "Stichting Erfgoedwandelingen Leiden", "kind": "erfgoed-cultuur"},
    {"name": "Theatercollectief De Mors", "kind": "erfgoed-cultuur"},
    {"name": "Organoid Works BV", "kind": "bedrijf"},
    {"name": "Enzymia BV", "kind": "bedrijf"},
    {"name": "Startersnetwerk Bio Science Park", "kind": "bedrijf"},
]

PROJECTS = [
    {
        "external_id": "demo-001",
        "title": "Gezond Groenoord: samen aan tafel",
        "summary": "Bewoners, studenten en zorgverleners zoeken samen uit wat gezond eten in "
        "Groenoord makkelijker maakt, en proberen het meteen uit in de buurt.",
        "description": (
            "In Groenoord eten veel huishoudens weinig groente en fruit, terwijl de wil er wel "
            "is. Bewoners noemen de prijs, de tijd en het aanbod in de buurt als grootste "
            "drempels.",
            "Studenten voeding en sociaal werk van Hogeschool Leiden houden gesprekken aan de "
            "keukentafel en organiseren kookavonden in het buurthuis. Onderzoekers van het "
            "LUMC meten wat er verandert in eetgewoonten en ervaren gezondheid.",
            "Wat werkt, wordt samen met de gemeente omgezet in een aanpak die ook in andere "
            "wijken kan worden gebruikt.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": ["leren-met-de-stad"],
        "lead": "Hogeschool Leiden",
        "partners": [
            ("LUMC", "kennispartner"),
            ("Buurtnetwerk Gezond Leiden-Noord", "partner"),
            ("Gemeente Leiden", "financier"),
        ],
        "status": "lopend",
        "start_date": "2024-09-01",
        "end_date": None,
        "neighbourhoods": ["BU05460300", "BU05460301"],
        "results": [
            {
                "kind": "rapport",
                "title": "Tussenrapportage eerste projectjaar",
                "date": "2025-10-15",
                "description": "Wat bewoners vertelden, wat de kookavonden opleverden en wat "
                "we in het tweede jaar anders doen.",
            }
        ],
        "links": [("Hogeschool Leiden", "https://www.hsleiden.nl")],
        "participation": (
            "Woont u in Groenoord? Schuif aan bij een kookavond in het buurthuis, elke eerste "
            "dinsdag van de maand. Aanmelden hoeft niet.",
            "Studenten voeding of sociaal werk kunnen in het tweede semester meedoen als "
            "stage of afstudeeropdracht.",
        ),
        "contact_email": "gezondgroenoord@hsleiden.example.nl",
    },
    {
        "external_id": "demo-002",
        "title": "Huisarts en buurt samen tegen eenzaamheid in De Kooi",
        "summary": "Huisartsen in De Kooi verwijzen eenzame patiënten niet alleen naar zorg, "
        "maar ook naar activiteiten en mensen in de eigen buurt.",
        "description": (
            "Veel mensen die met vage klachten bij de huisarts komen, voelen zich vooral "
            "eenzaam. Een recept helpt dan weinig; een goed contact in de buurt vaak wel.",
            "Huisartsen, welzijnswerkers en onderzoekers van het LUMC ontwikkelden samen een "
            "eenvoudige route: de huisarts signaleert, een welzijnswerker gaat op bezoek en "
            "samen zoeken ze een activiteit die past.",
            "Na twee jaar zijn ruim honderd bewoners zo in contact gekomen met buurtgenoten. "
            "De aanpak is beschreven zodat andere praktijken hem kunnen overnemen.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": [],
        "lead": "LUMC",
        "partners": [
            ("Huisartsennetwerk Leiden-Noord", "partner"),
            ("Welzijnsteam Leiden", "partner"),
            ("Gemeente Leiden", "financier"),
        ],
        "status": "afgerond",
        "start_date": "2022-03-01",
        "end_date": "2024-06-30",
        "neighbourhoods": ["BU05460302"],
        "results": [
            {
                "kind": "publicatie",
                "title": "Welzijn op recept in een Leidse wijk: ervaringen van huisartsen en "
                "bewoners",
                "date": "2024-09-12",
            },
            {
                "kind": "product",
                "title": "Stappenplan welzijn op recept voor huisartsenpraktijken",
                "date": "2024-06-30",
            },
        ],
        "links": [],
    },
    {
        "external_id": "demo-003",
        "title": "Beweegroutes door de Stevenshof",
        "summary": "Wandel- en hardlooproutes langs het groen van de Stevenshof, bedacht door "
        "bewoners en uitgewerkt door studenten fysiotherapie.",
        "description": (
            "De Stevenshof heeft veel groen en water, maar lang niet iedereen gebruikt het om "
            "te bewegen. Bewoners wilden routes die veilig, goed verlicht en voor verschillende "
            "conditie geschikt zijn.",
            "Studenten fysiotherapie en ruimtelijke ordening liepen de routes met bewoners, "
            "brachten obstakels in kaart en ontwierpen bordjes met afstanden en oefeningen. "
            "De sportvereniging organiseert elke week een groepswandeling.",
            "De gemeente neemt de verbeterpunten mee in het onderhoud van de openbare ruimte.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": ["biodiversiteit-duurzaamheid"],
        "flagships": ["leren-met-de-stad"],
        "lead": "Sportvereniging Stevenshof Actief",
        "partners": [
            ("Hogeschool Leiden", "onderwijspartner"),
            ("Gemeente Leiden", "partner"),
        ],
        "status": "lopend",
        "start_date": "2025-03-01",
        "end_date": "2027-02-28",
        "neighbourhoods": ["BU05460900", "BU05460901", "BU05460903"],
        "results": [
            {
                "kind": "evenement",
                "title": "Opening van de eerste drie beweegroutes",
                "date": "2025-09-20",
            }
        ],
        "links": [],
        "participation": (
            "Loop of ren een route mee: de routes staan in de app van de sportvereniging en op "
            "borden in de wijk. Ideeën voor een nieuwe route zijn welkom.",
        ),
        "contact_email": "beweegroutes@stevenshofactief.example.nl",
    },
    {
        "external_id": "demo-004",
        "title": "De gezonde mbo-kantine",
        "summary": "Studenten van mboRijnland maakten het aanbod in hun eigen kantines "
        "gezonder, betaalbaar en lekker, en onderzochten wat hun medestudenten echt kopen.",
        "description": (
            "Jongeren eten een groot deel van de week op school. In de kantines lag vooral "
            "snelle en zoete voeding, omdat die het best verkocht werd.",
            "Studenten horeca, voeding en marketing testten een jaar lang nieuwe producten, "
            "andere prijzen en een andere inrichting van de kassa. Ze hielden precies bij wat "
            "er verkocht werd.",
            "Gezonde producten op ooghoogte en een vaste lage prijs bleken het meeste te doen. "
            "Alle Leidse locaties van mboRijnland werken nu met het nieuwe assortiment.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": ["leiden-education-fieldlab"],
        "lead": "mboRijnland",
        "partners": [("Hogeschool Leiden", "adviseur")],
        "status": "afgerond",
        "start_date": "2023-09-01",
        "end_date": "2024-07-15",
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [
            {
                "kind": "rapport",
                "title": "Wat koopt een mbo-student? Verkoopcijfers en interviews",
                "date": "2024-07-01",
            }
        ],
        "links": [("mboRijnland", "https://www.mborijnland.nl")],
    },
    {
        "external_id": "demo-005",
        "title": "Hitte en de gezondheid van ouderen in Leiden-Noord",
        "summary": "Hoe warm wordt het binnen bij ouderen in Leiden-Noord tijdens een "
        "hittegolf, en wat helpt om gezond de zomer door te komen?",
        "description": (
            "Hittegolven komen vaker voor, en ouderen in slecht geïsoleerde woningen lopen het "
            "meeste risico. Over de temperatuur binnenshuis is in Leiden weinig bekend.",
            "Veertig bewoners van zeventig jaar en ouder kregen een kleine sensor in huis. "
            "Onderzoekers van het LUMC en de universiteit combineren de metingen met "
            "vragenlijsten over slaap, drinken en klachten.",
            "Met de uitkomsten maken gemeente en woningcorporatie een hitteplan per buurt: "
            "welke woningen eerst aangepakt worden en wie extra aandacht krijgt.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": ["biodiversiteit-duurzaamheid"],
        "flagships": [],
        "lead": "LUMC",
        "partners": [
            ("Universiteit Leiden", "kennispartner"),
            ("Woonstichting Rijnstad", "partner"),
            ("Gemeente Leiden", "adviseur"),
        ],
        "status": "lopend",
        "start_date": "2025-05-01",
        "end_date": "2027-09-30",
        "neighbourhoods": ["BU05460301", "BU05460302"],
        "results": [
            {
                "kind": "dataset",
                "title": "Binnentemperatuur in veertig woningen, zomer 2025",
                "date": "2025-10-01",
                "description": "Geanonimiseerde metingen per uur, zonder adressen.",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-006",
        "title": "Valpreventie in de Merenwijk",
        "summary": "Een vraag aan de Kenniswinkel over vallende ouderen werd een studio-opdracht: "
        "studenten ontwierpen met bewoners een beweegprogramma en een woningcheck.",
        "description": (
            "Een buurtvereniging in de Merenwijk zag steeds meer ouderen vallen en stelde de "
            "vraag wat er in de buurt aan te doen is. De Kenniswinkel bracht de vraag naar de "
            "studio van Leren met de Stad.",
            "Een team van studenten verpleegkunde, fysiotherapie en sociaal werk maakte een "
            "korte woningcheck en een beweegprogramma dat in het wijkcentrum gegeven wordt.",
            "Het welzijnsteam zet de woningcheck voort bij huisbezoeken.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": ["leren-met-de-stad"],
        "lead": "Hogeschool Leiden",
        "partners": [("Welzijnsteam Leiden", "partner")],
        "status": "afgerond",
        "start_date": "2024-02-01",
        "end_date": "2025-01-31",
        "neighbourhoods": ["BU05460803", "BU05460805"],
        "results": [
            {
                "kind": "rapport",
                "title": "Veilig thuis in de Merenwijk: adviesrapport van de studio",
                "date": "2025-01-20",
            },
            {
                "kind": "product",
                "title": "Woningcheck valpreventie (printbare kaart)",
                "date": "2024-11-15",
            },
        ],
        "links": [],
    },
    {
        "external_id": "demo-007",
        "title": "Gezondheidsmonitor per buurt",
        "summary": "Eén overzicht van gezondheidscijfers per Leidse buurt, zodat gemeente, zorg "
        "en onderzoek zien waar de verschillen het grootst zijn.",
        "description": (
            "Cijfers over gezondheid zijn verspreid over vele bronnen en vaak alleen per "
            "gemeente of wijk beschikbaar. Voor gerichte aanpak in de buurt is dat te grof.",
            "De gemeente en onderzoekers van LUMC en universiteit brengen bestaande bronnen "
            "samen en rekenen ze om naar buurtniveau, met aandacht voor privacy en "
            "betrouwbaarheid.",
            "De monitor wordt elk jaar bijgewerkt en voedt de ambitie om in 2030 een van de "
            "gezondste steden van Nederland te zijn.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": [],
        "lead": "Gemeente Leiden",
        "partners": [
            ("LUMC", "kennispartner"),
            ("Universiteit Leiden", "kennispartner"),
        ],
        "status": "lopend",
        "start_date": "2024-01-15",
        "end_date": None,
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [
            {
                "kind": "dataset",
                "title": "Gezondheidsindicatoren per buurt 2024",
                "date": "2025-03-01",
            },
            {
                "kind": "product",
                "title": "Online dashboard gezondheid per buurt",
                "date": "2025-06-01",
            },
        ],
        "links": [("Gemeente Leiden", "https://www.leiden.nl")],
    },
    {
        "external_id": "demo-008",
        "title": "Mini-darmen uit het lab voor betere medicijnen",
        "summary": "Een jong bedrijf op het Bio Science Park kweekt organoïden om te testen "
        "welke darmpatiënt baat heeft bij welk medicijn.",
        "description": (
            "Organoïden zijn kleine, in het lab gekweekte stukjes orgaan. Met cellen van een "
            "patiënt kun je vooraf testen hoe diens darmweefsel op een medicijn reageert.",
            "Het bedrijf werkt samen met artsen en onderzoekers van het LUMC en zit in een "
            "gedeeld lab op het park. Het startersnetwerk hielp bij de eerste financiering.",
            "Als de testen betrouwbaar blijken, kunnen patiënten sneller de juiste behandeling "
            "krijgen en blijft hen een deel van het uitproberen bespaard.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": ["leiden-bio-science-park"],
        "lead": "Organoid Works BV",
        "partners": [
            ("LUMC", "kennispartner"),
            ("Startersnetwerk Bio Science Park", "financier"),
        ],
        "status": "lopend",
        "start_date": "2023-06-01",
        "end_date": None,
        "neighbourhoods": ["BU05460704"],
        "location": (52.1668, 4.4602),
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-009",
        "title": "Labtalent uit de wijk",
        "summary": "Jongeren uit Leidse wijken lopen stage bij bedrijven op het Bio Science "
        "Park en ontdekken dat een baan in het lab ook voor hen is weggelegd.",
        "description": (
            "Bedrijven op het park zoeken laboranten, terwijl veel Leidse jongeren niet weten "
            "dat dat werk om de hoek te vinden is.",
            "mboRijnland en bedrijven op het park bieden samen stages, gastlessen en "
            "meeloopdagen aan. Leerlingen van de basisschool en het voortgezet onderwijs komen "
            "op bezoek om al vroeg kennis te maken met het vak.",
            "Het project volgt hoeveel stagiairs na hun opleiding op het park blijven werken.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": ["leiden-bio-science-park", "leiden-education-fieldlab"],
        "lead": "mboRijnland",
        "partners": [
            ("Enzymia BV", "partner"),
            ("Organoid Works BV", "partner"),
            ("Scholengroep Het Noorderlicht", "onderwijspartner"),
        ],
        "status": "lopend",
        "start_date": "2024-09-01",
        "end_date": None,
        "neighbourhoods": ["BU05460704"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-010",
        "title": "Jongeren maken de Stevenshof gezonder",
        "summary": "Idee: een jongerenpanel in de Stevenshof bepaalt zelf welke gezonde "
        "activiteiten er komen, met studenten als begeleiders.",
        "description": (
            "Jongeren hebben vaak andere ideeën over gezondheid dan de volwassenen die "
            "activiteiten voor hen bedenken.",
            "Het plan is een panel van vijftien jongeren dat een klein budget krijgt. "
            "Studenten sociaal werk begeleiden het panel als onderdeel van hun stage.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": ["leren-met-de-stad"],
        "lead": "Sportvereniging Stevenshof Actief",
        "partners": [
            ("Hogeschool Leiden", "onderwijspartner"),
            ("Fonds Leidse Wijkinitiatieven", "financier"),
        ],
        "status": "idee",
        "start_date": None,
        "end_date": None,
        "neighbourhoods": ["BU05460902"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-011",
        "title": "Studentenwelzijn in Leiden",
        "summary": "Universiteit, hogeschool en mbo onderzoeken samen hoe het met de mentale "
        "gezondheid van Leidse studenten gaat en wat hen helpt.",
        "description": (
            "Prestatiedruk, geldzorgen en een krappe woningmarkt drukken op het welzijn van "
            "studenten. Elke instelling had eigen cijfers en eigen hulp, maar weinig zicht op "
            "het geheel.",
            "Met één gezamenlijke vragenlijst en gesprekken met studenten ontstaat een beeld "
            "over de instellingen heen. Studenten denken mee in een klankbordgroep.",
            "De instellingen spreken af welke hulp ze samen aanbieden, zodat een student niet "
            "van loket naar loket hoeft.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": ["leren-met-de-stad"],
        "lead": "Universiteit Leiden",
        "partners": [
            ("Hogeschool Leiden", "partner"),
            ("mboRijnland", "partner"),
        ],
        "status": "lopend",
        "start_date": "2025-02-01",
        "end_date": "2027-01-31",
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-012",
        "title": "Samen koken in de Slaaghwijk",
        "summary": "Idee: een wekelijkse buurtmaaltijd waar bewoners samen koken met seizoens"
        "groente, begeleid door studenten voeding.",
        "description": (
            "Bewoners van de Slaaghwijk willen een plek om samen te eten en te leren koken met "
            "weinig geld.",
            "Het plan is om in een schoolkeuken te beginnen en te onderzoeken of de maaltijd "
            "na een jaar door bewoners zelf gedragen kan worden.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": [],
        "lead": "Buurtnetwerk Gezond Leiden-Noord",
        "partners": [("Hogeschool Leiden", "onderwijspartner")],
        "status": "idee",
        "start_date": None,
        "end_date": None,
        "neighbourhoods": ["BU05460800"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-013",
        "title": "Rookvrije speelplekken",
        "summary": "Alle openbare speelplekken en schoolpleinen in Leiden werden rookvrij, met "
        "bordjes die kinderen zelf ontwierpen.",
        "description": (
            "Kinderen die niet zien roken, gaan later minder snel zelf roken. Daarom wilde de "
            "gemeente speelplekken rookvrij maken, zonder dat het een kwestie van handhaving "
            "werd.",
            "Basisscholen ontwierpen de bordjes, ouders en buurtbewoners spraken elkaar aan, "
            "en onderzoekers volgden hoe vaak er nog gerookt werd.",
            "Na afloop was het roken bij speelplekken met meer dan de helft afgenomen.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": ["biodiversiteit-duurzaamheid"],
        "flagships": [],
        "lead": "Gemeente Leiden",
        "partners": [
            ("LUMC", "adviseur"),
            ("Basisschool De Vlinderhof", "partner"),
        ],
        "status": "afgerond",
        "start_date": "2021-05-01",
        "end_date": "2023-12-31",
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [
            {
                "kind": "rapport",
                "title": "Evaluatie rookvrije speelplekken",
                "date": "2024-02-15",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-014",
        "title": "Hoe komt een medicijn tot stand? Avonden in de bibliotheek",
        "summary": "Onderzoekers van het Bio Science Park vertelden in de bibliotheek hoe een "
        "geneesmiddel van idee tot apotheek komt, en beantwoordden vragen van bewoners.",
        "description": (
            "Tijdens het jaar van de European City of Science wilden onderzoekers laten zien "
            "wat er achter de gevels van het park gebeurt.",
            "In zes avonden vertelden promovendi, laboranten en ondernemers over hun werk. "
            "Bezoekers konden zelf een eenvoudig experiment doen en een lab bezoeken.",
            "De avonden trokken samen ruim zeshonderd bezoekers. Het format wordt sindsdien "
            "jaarlijks herhaald.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": ["cultureel-erfgoed"],
        "flagships": ["european-city-of-science", "leiden-bio-science-park"],
        "lead": "Universiteit Leiden",
        "partners": [
            ("LUMC", "partner"),
            ("Startersnetwerk Bio Science Park", "partner"),
        ],
        "status": "afgerond",
        "start_date": "2022-04-01",
        "end_date": "2022-11-30",
        "neighbourhoods": ["BU05460102"],
        "location": (52.1590, 4.4925),
        "results": [
            {
                "kind": "evenement",
                "title": "Slotavond: van molecuul tot medicijn",
                "date": "2022-11-24",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-015",
        "title": "Groene schoolpleinen in Leiden-Noord",
        "summary": "Vier schoolpleinen in Leiden-Noord worden groen: minder tegels, meer bomen, "
        "water en plekken om te spelen en te leren.",
        "description": (
            "Stenige schoolpleinen worden in de zomer heet en laten regenwater niet door. "
            "Kinderen spelen er bovendien minder gevarieerd.",
            "Leerlingen, ouders en leraren ontwerpen samen het nieuwe plein. Studenten "
            "tuin- en landschapsinrichting helpen bij het ontwerp en de aanleg, en de "
            "hogeschool meet hoe het spelgedrag en de temperatuur veranderen.",
            "Buiten schooltijd zijn de pleinen open voor de buurt.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": ["gezondheid-welzijn"],
        "flagships": ["leiden-education-fieldlab", "leren-met-de-stad"],
        "lead": "Stichting Groene Schoolpleinen Leiden",
        "partners": [
            ("Basisschool De Vlinderhof", "partner"),
            ("Hogeschool Leiden", "onderwijspartner"),
            ("Gemeente Leiden", "financier"),
        ],
        "status": "lopend",
        "start_date": "2024-03-01",
        "end_date": "2026-12-31",
        "neighbourhoods": ["BU05460300", "BU05460302"],
        "results": [
            {
                "kind": "evenement",
                "title": "Opening groen schoolplein De Vlinderhof",
                "date": "2025-04-11",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-016",
        "title": "Hittestress in de Merenwijk in kaart",
        "summary": "Bewoners maten een zomer lang de temperatuur in hun straat; samen met "
        "studenten ontstond een hittekaart van de Merenwijk.",
        "description": (
            "Op hete dagen verschilt de temperatuur tussen straten in dezelfde wijk flink. "
            "Waar het het heetst is, wist niemand precies.",
            "Leden van het klimaatcollectief hingen meetkastjes op aan hun gevel. Studenten "
            "aardwetenschappen en geografie combineerden de metingen met satellietbeelden "
            "tot een kaart.",
            "De kaart laat zien welke pleinen en straten als eerste meer schaduw en groen "
            "nodig hebben. De gemeente gebruikt hem bij het herinrichten van de wijk.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": ["gezondheid-welzijn"],
        "flagships": ["leren-met-de-stad"],
        "lead": "Universiteit Leiden",
        "partners": [
            ("Merenwijk Klimaatcollectief", "partner"),
            ("Gemeente Leiden", "adviseur"),
        ],
        "status": "afgerond",
        "start_date": "2023-04-01",
        "end_date": "2024-10-31",
        "neighbourhoods": ["BU05460803", "BU05460801", "BU05460802"],
        "results": [
            {
                "kind": "dataset",
                "title": "Hittekaart Merenwijk, zomer 2023",
                "date": "2024-03-15",
            },
            {
                "kind": "rapport",
                "title": "Koelte zoeken in de Merenwijk: aanbevelingen",
                "date": "2024-10-15",
            },
        ],
        "links": [],
    },
    {
        "external_id": "demo-017",
        "title": "Wie woont er in het Singelpark?",
        "summary": "Bewoners en onderzoekers tellen planten, insecten en vogels langs het "
        "Singelpark om te volgen hoe de natuur zich ontwikkelt nu het park groeit.",
        "description": (
            "Het Singelpark verbindt de groene plekken rond de binnenstad tot één lang park. "
            "Dat moet ook planten en dieren meer ruimte geven; of dat lukt, moet blijken.",
            "Vrijwilligers van de natuurwerkgroep tellen elk seizoen op vaste routes. "
            "Naturalis helpt met het herkennen van soorten en bewaart de waarnemingen in een "
            "open databestand.",
            "Tijdens publieksdagen kunnen bewoners mee tellen en horen ze wat de onderzoekers "
            "zien veranderen.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": ["cultureel-erfgoed"],
        "flagships": ["european-city-of-science"],
        "lead": "Naturalis Biodiversity Center",
        "partners": [
            ("Natuurwerkgroep Singelpark", "partner"),
            ("Gemeente Leiden", "financier"),
        ],
        "status": "lopend",
        "start_date": "2023-05-01",
        "end_date": None,
        "neighbourhoods": ["BU05460104", "BU05460001", "BU05460002"],
        "location": (52.1560, 4.4870),
        "results": [
            {
                "kind": "dataset",
                "title": "Soortentellingen Singelpark 2023–2025",
                "date": "2025-12-01",
            },
            {
                "kind": "evenement",
                "title": "Publieksteldag in het Singelpark",
                "date": "2025-06-14",
            },
        ],
        "links": [("Naturalis", "https://www.naturalis.nl")],
    },
    {
        "external_id": "demo-018",
        "title": "Minibossen bij scholen in de Stevenshof",
        "summary": "Idee: bij drie scholen in de Stevenshof plant de buurt samen met leerlingen "
        "een minibos ter grootte van een tennisbaan.",
        "description": (
            "Een dicht beplant minibos trekt in korte tijd veel insecten en vogels aan en is "
            "een buitenlokaal voor de school ernaast.",
            "Scholen en buurt zoeken nu geschikte plekken. Leerlingen zouden het bos samen "
            "met hun ouders planten en het jaarlijks onderzoeken.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": ["leiden-education-fieldlab"],
        "lead": "Scholengroep Het Noorderlicht",
        "partners": [
            ("Naturalis Biodiversity Center", "adviseur"),
            ("Gemeente Leiden", "partner"),
        ],
        "status": "idee",
        "start_date": "2027-03-01",
        "end_date": None,
        "neighbourhoods": ["BU05460900", "BU05460903"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-019",
        "title": "Regenwater vasthouden in de Tuinstadwijk",
        "summary": "Bewoners van de Tuinstadwijk koppelen hun regenpijpen af en leggen "
        "regentuinen aan, met studenten die meten hoeveel water er blijft.",
        "description": (
            "Bij zware buien lopen straten in de Tuinstadwijk onder, terwijl tuinen in droge "
            "zomers uitdrogen. Regenwater dat in de wijk blijft, helpt tegen allebei.",
            "De bewonersvereniging organiseert samen met de gemeente werkdagen om regentonnen "
            "te plaatsen en tegels te wippen. Studenten civiele techniek meten de effecten.",
            "Wat de metingen laten zien, komt terecht in een handleiding voor andere buurten.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": ["leren-met-de-stad"],
        "lead": "Bewonersvereniging Tuinstadwijk",
        "partners": [
            ("Gemeente Leiden", "partner"),
            ("Hogeschool Leiden", "onderwijspartner"),
            ("Fonds Leidse Wijkinitiatieven", "financier"),
        ],
        "status": "lopend",
        "start_date": "2025-04-01",
        "end_date": "2026-12-31",
        "neighbourhoods": ["BU05460405"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-020",
        "title": "Bewoners aan het woord over het warmtenet in de Mors",
        "summary": "Idee: voordat in de Mors een warmtenet komt, onderzoeken bewoners en "
        "studenten samen welke vragen en zorgen er leven.",
        "description": (
            "Een warmtenet verandert veel voor bewoners: van de kosten tot de werkzaamheden in "
            "de straat. Vertrouwen begint bij goed luisteren.",
            "Het plan is een reeks buurtgesprekken, begeleid door studenten bestuurskunde, "
            "waarvan de uitkomst meeweegt in het ontwerp.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": [],
        "lead": "Woonstichting Rijnstad",
        "partners": [
            ("Universiteit Leiden", "kennispartner"),
            ("Gemeente Leiden", "partner"),
        ],
        "status": "idee",
        "start_date": None,
        "end_date": None,
        "neighbourhoods": ["BU05460601", "BU05460602"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-021",
        "title": "Energiecoaches uit de eigen buurt",
        "summary": "Bewoners en mbo-studenten werden energiecoach en hielpen buren in de "
        "Professorenwijk en Burgemeesterswijk hun energierekening omlaag te brengen.",
        "description": (
            "Toen de energieprijzen stegen, zochten veel bewoners hulp. Advies van een buur of "
            "een student uit de stad bleek laagdrempeliger dan een bureau.",
            "De energiecoöperatie leidde vrijwilligers op; studenten installatietechniek van "
            "mboRijnland gingen mee op huisbezoek en plaatsten tochtstrips en radiatorfolie.",
            "Ruim vierhonderd huishoudens kregen een bezoek. Veel coaches zijn actief gebleven.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": ["gezondheid-welzijn"],
        "flagships": ["leren-met-de-stad"],
        "lead": "Energiecoöperatie Leiden-Zuid",
        "partners": [
            ("mboRijnland", "onderwijspartner"),
            ("Gemeente Leiden", "financier"),
        ],
        "status": "afgerond",
        "start_date": "2022-10-01",
        "end_date": "2024-03-31",
        "neighbourhoods": ["BU05460404", "BU05460402", "BU05460403"],
        "results": [
            {
                "kind": "rapport",
                "title": "Eindverslag energiecoaches",
                "date": "2024-04-30",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-022",
        "title": "Bloemrijke randen in de Oostvlietpolder",
        "summary": "Langs slootkanten en paden in de Oostvlietpolder komen bloemrijke randen "
        "voor wilde bijen en vlinders; vrijwilligers volgen wat er terugkomt.",
        "description": (
            "Wilde bijen hebben bloemen en nestplekken dicht bij elkaar nodig. In de polder "
            "aan de rand van de stad is daar ruimte voor.",
            "Beheerders zaaien inheemse bloemen in en maaien later en gefaseerd. Vrijwilligers "
            "tellen met hulp van Naturalis de bijen en vlinders.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": [],
        "lead": "Gemeente Leiden",
        "partners": [
            ("Naturalis Biodiversity Center", "kennispartner"),
            ("Natuurwerkgroep Singelpark", "partner"),
        ],
        "status": "lopend",
        "start_date": "2024-04-15",
        "end_date": None,
        "neighbourhoods": ["BU05460505"],
        "location": (52.1300, 4.4800),
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-023",
        "title": "Groene daken op het Bio Science Park",
        "summary": "Idee: de platte daken van laboratoria en kantoren op het park worden groen "
        "en gaan regenwater vasthouden.",
        "description": (
            "Op het park liggen tienduizenden vierkante meters plat dak. Groen maken koelt de "
            "gebouwen en geeft insecten een plek.",
            "Bedrijven en instellingen verkennen samen welke daken sterk genoeg zijn en hoe "
            "het onderhoud gedeeld kan worden.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": ["leiden-bio-science-park"],
        "lead": "Startersnetwerk Bio Science Park",
        "partners": [
            ("Universiteit Leiden", "partner"),
            ("Enzymia BV", "partner"),
        ],
        "status": "idee",
        "start_date": None,
        "end_date": None,
        "neighbourhoods": ["BU05460704"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-024",
        "title": "Bodemleven onder de stad",
        "summary": "Met DNA uit bodemmonsters brengen studenten en onderzoekers in kaart welk "
        "leven er onder Leidse parken, bermen en tuinen zit.",
        "description": (
            "Onder onze voeten leeft een groot deel van alle soorten, maar in de stad weten we "
            "daar weinig van.",
            "Studenten biologie en laboratoriumtechniek nemen op honderd plekken in de stad "
            "bodemmonsters. In het lab van Naturalis worden de soorten uit het DNA bepaald.",
            "De resultaten helpen de gemeente kiezen waar de bodem het meeste baat heeft bij "
            "minder verharding of ander beheer.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": ["leren-met-de-stad"],
        "lead": "Naturalis Biodiversity Center",
        "partners": [
            ("Universiteit Leiden", "kennispartner"),
            ("Hogeschool Leiden", "onderwijspartner"),
            ("mboRijnland", "onderwijspartner"),
        ],
        "status": "lopend",
        "start_date": "2025-09-01",
        "end_date": "2027-08-31",
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-025",
        "title": "Leiden als Europees living lab voor klimaatadaptatie",
        "summary": "Leiden deelt met andere Europese steden wat werkt om wijken koeler en "
        "natter te houden, en haalt kennis en onderzoeksgeld naar de stad.",
        "description": (
            "Veel Europese steden zoeken naar dezelfde antwoorden op hitte, droogte en "
            "wateroverlast. Leiden brengt zijn proeven in de wijken in een Europees netwerk.",
            "De gemeente en de universiteit coördineren de Leidse bijdrage; onderzoekers "
            "vergelijken de aanpak met partnersteden.",
            "Het netwerk is ook een manier om internationale partners aan Leiden te binden, "
            "zoals na het jaar van de European City of Science is afgesproken.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": ["european-city-of-science"],
        "lead": "Gemeente Leiden",
        "partners": [("Universiteit Leiden", "kennispartner")],
        "status": "lopend",
        "start_date": "2024-06-01",
        "end_date": "2028-05-31",
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [
            {
                "kind": "publicatie",
                "title": "Vijf Europese steden, één hittegolf: een vergelijking",
                "date": "2025-11-05",
            }
        ],
        "links": [("Universiteit Leiden", "https://www.universiteitleiden.nl")],
    },
    {
        "external_id": "demo-026",
        "title": "Deelauto's en bakfietsen in Roomburg",
        "summary": "Idee: bewoners van Roomburg proberen een jaar lang samen auto's en "
        "bakfietsen te delen en houden bij wat dat verandert.",
        "description": (
            "Een deelauto kan meerdere eigen auto's vervangen en ruimte vrijmaken voor groen.",
            "Een groep bewoners wil het uitproberen, met studenten die meten hoe vaak de "
            "voertuigen gebruikt worden en wat bewoners ervan vinden.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": [],
        "lead": "Energiecoöperatie Leiden-Zuid",
        "partners": [("Hogeschool Leiden", "onderwijspartner")],
        "status": "idee",
        "start_date": "2027-01-01",
        "end_date": None,
        "neighbourhoods": ["BU05460408"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-027",
        "title": "Minder plastic in het lab",
        "summary": "Laboratoria op het Bio Science Park zochten uit hoe ze minder wegwerp"
        "plastic kunnen gebruiken zonder dat de kwaliteit van hun onderzoek lijdt.",
        "description": (
            "Een gemiddeld lab gooit per onderzoeker jaarlijks honderden kilo's plastic weg. "
            "Veel daarvan is schoon en recyclebaar.",
            "Bedrijven en het LUMC testten herbruikbare alternatieven en een gezamenlijke "
            "inzameling van schoon labplastic.",
            "De deelnemende labs gebruikten aan het einde ruim een kwart minder plastic.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": ["gezondheid-welzijn"],
        "flagships": ["leiden-bio-science-park"],
        "lead": "Enzymia BV",
        "partners": [
            ("LUMC", "partner"),
            ("Startersnetwerk Bio Science Park", "partner"),
        ],
        "status": "afgerond",
        "start_date": "2023-01-15",
        "end_date": "2025-06-30",
        "neighbourhoods": ["BU05460704"],
        "location": (52.1655, 4.4585),
        "results": [
            {
                "kind": "rapport",
                "title": "Handreiking duurzaam labwerk",
                "date": "2025-06-30",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-028",
        "title": "Vogels tellen met groep 6",
        "summary": "Leerlingen in Groenoord telden een voorjaar lang vogels rond hun school en "
        "leerden van onderzoekers hoe je met zulke tellingen natuur volgt.",
        "description": (
            "Kinderen kennen vaak meer merken dan vogelsoorten. Dit project draaide dat om.",
            "Met een telkaart en een verrekijker telden leerlingen elke week. Een onderzoeker "
            "van Naturalis kwam in de klas uitleggen wat de tellingen betekenen.",
            "De tellingen zijn toegevoegd aan een landelijke database en de school gaat er "
            "elk jaar mee door.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": ["cultureel-erfgoed"],
        "flagships": ["leiden-education-fieldlab"],
        "lead": "Basisschool De Vlinderhof",
        "partners": [("Naturalis Biodiversity Center", "kennispartner")],
        "status": "afgerond",
        "start_date": "2024-03-01",
        "end_date": "2024-06-30",
        "neighbourhoods": ["BU05460300"],
        "results": [
            {
                "kind": "evenement",
                "title": "Vogelmiddag voor ouders en buren",
                "date": "2024-06-19",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-029",
        "title": "Koele binnentuinen in de Havenwijk",
        "summary": "Idee: binnentuinen achter de huizenblokken in de Havenwijk worden groener "
        "en koeler, ontworpen door bewoners met studenten.",
        "description": (
            "Veel binnentuinen zijn volledig betegeld of dienen als fietsenstalling. Met "
            "kleine ingrepen kunnen ze koel, groen en gezellig worden.",
            "Het idee is om per blok een ontwerpavond te houden en met de eerste twee tuinen "
            "te beginnen.",
        ),
        "primary_theme": "biodiversiteit-duurzaamheid",
        "secondary_themes": [],
        "flagships": [],
        "lead": "Woonstichting Rijnstad",
        "partners": [("Hogeschool Leiden", "onderwijspartner")],
        "status": "idee",
        "start_date": None,
        "end_date": None,
        "neighbourhoods": ["BU05460106", "BU05460107"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-030",
        "title": "Naturalis in de wijk",
        "summary": "Fossielen, insecten en mineralen uit de Naturalis-collectie staan in "
        "vitrines op plekken waar buurtbewoners toch al komen: de bibliotheek, het "
        "buurthuis, het winkelcentrum.",
        "description": (
            "Het museum is voor veel bewoners van buitenwijken ver weg, terwijl de collectie "
            "over iedereen gaat.",
            "Elke vitrine vertelt een verhaal met een link naar de buurt: welke dieren hier "
            "vroeger leefden, wat er in de bodem zit. Elk halfjaar wisselt de inhoud.",
            "Bij elke wissel komt een onderzoeker langs die vragen van bewoners beantwoordt.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": ["biodiversiteit-duurzaamheid"],
        "flagships": ["european-city-of-science"],
        "lead": "Naturalis Biodiversity Center",
        "partners": [
            ("Gemeente Leiden", "partner"),
            ("Welzijnsteam Leiden", "partner"),
        ],
        "status": "lopend",
        "start_date": "2024-05-01",
        "end_date": None,
        "neighbourhoods": ["BU05460300", "BU05460901", "BU05460803"],
        "results": [
            {
                "kind": "product",
                "title": "Reizende vitrine 'Leiden onder water'",
                "date": "2024-10-01",
            }
        ],
        "links": [("Naturalis", "https://www.naturalis.nl")],
    },
    {
        "external_id": "demo-031",
        "title": "Erfgoedlessen voor groep 7 en 8",
        "summary": "Archeologen en studenten geven lessen over de Leidse geschiedenis met echte "
        "vondsten uit de stad, gekoppeld aan het lesprogramma van de basisschool.",
        "description": (
            "Geschiedenis wordt tastbaar als je een scherf van vierhonderd jaar oud in je hand "
            "hebt die om de hoek is gevonden.",
            "Studenten archeologie verzorgen de lessen en leren zo lesgeven. Leraren "
            "ontwikkelen samen met hen opdrachten voor voor en na het bezoek.",
            "Elk schooljaar doen ruim dertig klassen mee, verspreid over de hele stad.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": [],
        "flagships": ["leiden-education-fieldlab"],
        "lead": "Universiteit Leiden",
        "partners": [
            ("Basisschool De Vlinderhof", "partner"),
            ("Leidse Lerarencoöperatie", "onderwijspartner"),
        ],
        "status": "lopend",
        "start_date": "2023-09-01",
        "end_date": None,
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [
            {
                "kind": "product",
                "title": "Lesbrief 'Leiden in scherven'",
                "date": "2024-01-10",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-032",
        "title": "Verhalen van De Kooi",
        "summary": "Studenten tekenden de levensverhalen op van oudere bewoners van De Kooi; "
        "de verhalen zijn nu te lezen en te beluisteren in de wijk.",
        "description": (
            "De Kooi is veranderd van arbeiderswijk in een gemengde buurt. De mensen die die "
            "verandering meemaakten, worden ouder.",
            "Studenten sociaal werk en journalistiek interviewden dertig bewoners. Hun "
            "verhalen zijn gebundeld in een boekje en te beluisteren via QR-codes op "
            "plekken waar ze over gaan.",
            "Voor veel geïnterviewden was het gesprek zelf al waardevol: er ontstonden nieuwe "
            "contacten tussen jong en oud.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": ["gezondheid-welzijn"],
        "flagships": ["leren-met-de-stad"],
        "lead": "Hogeschool Leiden",
        "partners": [
            ("Buurtnetwerk Gezond Leiden-Noord", "partner"),
            ("Fonds Leidse Wijkinitiatieven", "financier"),
        ],
        "status": "afgerond",
        "start_date": "2023-02-01",
        "end_date": "2024-01-31",
        "neighbourhoods": ["BU05460302"],
        "results": [
            {
                "kind": "publicatie",
                "title": "Verhalen van De Kooi (verhalenbundel)",
                "date": "2024-01-25",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-033",
        "title": "Wandelen door de Pieterswijk met je telefoon",
        "summary": "Een gratis wandeling langs de geleerden, drukkers en vluchtelingen die de "
        "Pieterswijk hebben gevormd, met onderzoekers als verteller.",
        "description": (
            "Rond de Pieterskerk woonden en werkten eeuwenlang hoogleraren, studenten, "
            "drukkers en mensen die hier een toevlucht vonden.",
            "Historici schreven de teksten, vrijwilligers van de erfgoedstichting testten de "
            "route en een student bouwde de webapp. De wandeling werd gelanceerd in het "
            "jaar van de European City of Science.",
            "Sindsdien hebben duizenden mensen de route gelopen.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": [],
        "flagships": ["european-city-of-science"],
        "lead": "Stichting Erfgoedwandelingen Leiden",
        "partners": [("Universiteit Leiden", "kennispartner")],
        "status": "afgerond",
        "start_date": "2022-03-01",
        "end_date": "2022-09-30",
        "neighbourhoods": ["BU05460000"],
        "location": (52.1580, 4.4893),
        "results": [
            {
                "kind": "product",
                "title": "Wandelroute Pieterswijk (webapp)",
                "date": "2022-06-01",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-034",
        "title": "Wetenschap in de etalage",
        "summary": "Winkeliers in de binnenstad stelden hun etalage een maand beschikbaar aan "
        "onderzoekers, die er hun werk lieten zien aan voorbijgangers.",
        "description": (
            "Wetenschap zit meestal achter gesloten deuren. In dit project kwam ze op "
            "ooghoogte in de winkelstraat.",
            "Twintig onderzoeksgroepen richtten een etalage in, van oude handschriften tot "
            "sterrenkunde. Op zaterdag stonden de onderzoekers zelf bij de winkel.",
            "Het idee is sindsdien door andere steden overgenomen.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": [],
        "flagships": ["european-city-of-science"],
        "lead": "Universiteit Leiden",
        "partners": [
            ("Gemeente Leiden", "partner"),
            ("Theatercollectief De Mors", "partner"),
        ],
        "status": "afgerond",
        "start_date": "2022-05-01",
        "end_date": "2022-12-31",
        "neighbourhoods": ["BU05460101", "BU05460105"],
        "results": [
            {
                "kind": "evenement",
                "title": "Etalageroute wetenschap",
                "date": "2022-09-10",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-035",
        "title": "Nacht van de Leraar 2025",
        "summary": "Een avond voor en over leraren van kinderopvang tot universiteit, met "
        "workshops, onderzoek uit de klas en cultuur.",
        "description": (
            "Leraren uit alle onderwijssoorten komen elkaar zelden tegen. De Nacht van de "
            "Leraar brengt ze een avond samen.",
            "Onderzoekers presenteerden resultaten uit Leidse klassen, leraren gaven elkaar "
            "workshops en culturele partners verzorgden het programma tussendoor.",
            "Ruim achthonderd leraren waren erbij; veel nieuwe samenwerkingen tussen scholen "
            "begonnen op deze avond.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": ["gezondheid-welzijn"],
        "flagships": ["leiden-education-fieldlab"],
        "lead": "Leidse Lerarencoöperatie",
        "partners": [
            ("Universiteit Leiden", "partner"),
            ("Hogeschool Leiden", "partner"),
            ("mboRijnland", "partner"),
            ("Gemeente Leiden", "financier"),
        ],
        "status": "afgerond",
        "start_date": "2025-03-01",
        "end_date": "2025-10-31",
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [
            {
                "kind": "evenement",
                "title": "Nacht van de Leraar",
                "date": "2025-10-03",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-036",
        "title": "Nacht van de Leraar 2027",
        "summary": "Idee: de volgende Nacht van de Leraar, dit keer met leerlingen die zelf "
        "een deel van het programma maken.",
        "description": (
            "Na de vorige editie vroegen leraren om meer ruimte voor de stem van leerlingen.",
            "Het plan is om in het voorjaar met een leerlingenredactie te beginnen die een "
            "deel van de avond programmeert.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": [],
        "flagships": ["leiden-education-fieldlab"],
        "lead": "Leidse Lerarencoöperatie",
        "partners": [("Scholengroep Het Noorderlicht", "partner")],
        "status": "idee",
        "start_date": "2027-02-01",
        "end_date": None,
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-037",
        "title": "Wetenschapsfestival in de wijk",
        "summary": "Elk jaar een weekend waarin onderzoekers en studenten naar de wijken gaan, "
        "als blijvende erfenis van het jaar van de European City of Science.",
        "description": (
            "In 2022 bleek hoe graag bewoners onderzoekers ontmoeten, zolang dat dichtbij en "
            "laagdrempelig is.",
            "Het festival gaat elk jaar naar andere wijken: met proefjes op het plein, "
            "buurtgesprekken en een onderzoeker in het buurthuis. Studenten organiseren een "
            "deel als onderdeel van hun vak.",
            "Vragen die bewoners stellen, gaan door naar de Kenniswinkel.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": ["biodiversiteit-duurzaamheid"],
        "flagships": ["european-city-of-science", "leren-met-de-stad"],
        "lead": "Gemeente Leiden",
        "partners": [
            ("Universiteit Leiden", "partner"),
            ("Naturalis Biodiversity Center", "partner"),
            ("Theatercollectief De Mors", "partner"),
        ],
        "status": "lopend",
        "start_date": "2023-01-01",
        "end_date": None,
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [
            {
                "kind": "evenement",
                "title": "Wetenschapsfestival in de Stevenshof en Leiden-Noord",
                "date": "2024-09-28",
            },
            {
                "kind": "evenement",
                "title": "Wetenschapsfestival in de Merenwijk en de Mors",
                "date": "2025-09-27",
            },
        ],
        "links": [],
    },
    {
        "external_id": "demo-038",
        "title": "Archeologie in de achtertuin",
        "summary": "Idee: bewoners van Pancras-Oost en Levendaal-Oost graven onder begeleiding "
        "van studenten archeologie een proefputje in hun eigen tuin.",
        "description": (
            "Onder veel Leidse tuinen liggen resten van eeuwen bewoning. Bewoners weten dat "
            "vaak niet.",
            "Het plan is een zomerproject waarin studenten hun veldwerk in de buurt doen en "
            "bewoners meekijken, met een tentoonstelling van de vondsten aan het eind.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": [],
        "flagships": ["leren-met-de-stad"],
        "lead": "Universiteit Leiden",
        "partners": [("Stichting Erfgoedwandelingen Leiden", "partner")],
        "status": "idee",
        "start_date": None,
        "end_date": None,
        "neighbourhoods": ["BU05460103", "BU05460003"],
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-039",
        "title": "Leskisten uit de collectie",
        "summary": "Scholen lenen leskisten met echte collectiestukken van Naturalis, zodat "
        "leerlingen in hun eigen klas kunnen onderzoeken.",
        "description": (
            "Niet elke school kan met de klas naar het museum. De leskisten brengen een stukje "
            "museum naar de school.",
            "Elke kist bevat objecten, loepen en opdrachten over één onderwerp, zoals "
            "botten, schelpen of stenen. Leraren kregen een korte training.",
            "De kisten worden via het onderwijsnetwerk uitgeleend aan scholen in heel Leiden.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": ["biodiversiteit-duurzaamheid"],
        "flagships": ["leiden-education-fieldlab"],
        "lead": "Naturalis Biodiversity Center",
        "partners": [("Leidse Lerarencoöperatie", "onderwijspartner")],
        "status": "lopend",
        "start_date": "2024-09-01",
        "end_date": None,
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [
            {
                "kind": "product",
                "title": "Vijf leskisten: botten, schelpen, stenen, insecten, zaden",
                "date": "2025-01-15",
            }
        ],
        "links": [],
    },
    {
        "external_id": "demo-040",
        "title": "Het geheugen van het Bio Science Park",
        "summary": "Interviews met mensen die het Bio Science Park zagen ontstaan, van weiland "
        "tot innovatiedistrict, bewaard voor later.",
        "description": (
            "Het park is in enkele decennia uitgegroeid tot een plek van internationale "
            "betekenis. De eerste generatie ondernemers en onderzoekers vertelt hoe dat ging.",
            "Historici namen veertig interviews af. De opnamen en transcripties worden "
            "openbaar bewaard en vormen de basis voor een boek en een tentoonstelling.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": [],
        "flagships": ["leiden-bio-science-park", "european-city-of-science"],
        "lead": "Universiteit Leiden",
        "partners": [("Startersnetwerk Bio Science Park", "financier")],
        "status": "afgerond",
        "start_date": "2023-09-01",
        "end_date": "2025-05-31",
        "neighbourhoods": ["BU05460704"],
        "location": (52.1672, 4.4630),
        "results": [
            {
                "kind": "dataset",
                "title": "Interviewcollectie Bio Science Park",
                "date": "2025-04-01",
            },
            {
                "kind": "publicatie",
                "title": "Van weiland tot wereldpark",
                "date": "2025-05-20",
            },
        ],
        "links": [],
    },
    {
        "external_id": "demo-041",
        "title": "Speurtocht door het stadsarchief",
        "summary": "mbo-studenten zoeken in oude kaarten en foto's uit wat er vroeger stond op "
        "de plek van hun school en het station, en maken er een tentoonstelling over.",
        "description": (
            "Rond het station is de stad de afgelopen eeuw ingrijpend veranderd. Studenten "
            "lopen er dagelijks langs zonder te weten wat er was.",
            "In een keuzevak leren ze bronnen zoeken en beoordelen. Het eindresultaat is een "
            "kleine tentoonstelling in de stationshal.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": [],
        "flagships": ["leren-met-de-stad", "leiden-education-fieldlab"],
        "lead": "mboRijnland",
        "partners": [("Stichting Erfgoedwandelingen Leiden", "adviseur")],
        "status": "lopend",
        "start_date": "2025-09-01",
        "end_date": "2026-12-20",
        "neighbourhoods": ["BU05460200"],
        "location": (52.1664, 4.4817),
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-042",
        "title": "Welkom in Leiden voor internationale onderzoekers",
        "summary": "Nieuwe internationale onderzoekers en hun gezinnen maken kennis met de "
        "stad, haar geschiedenis en haar bewoners.",
        "description": (
            "Leiden trekt veel onderzoekers uit het buitenland, maar velen blijven in een "
            "internationale bubbel.",
            "Maandelijkse stadswandelingen, een buddy uit de buurt en uitnodigingen voor "
            "wijkactiviteiten helpen nieuwkomers zich thuis te voelen.",
            "Zo draagt het project bij aan wat na het jaar van de European City of Science is "
            "afgesproken: Leiden aantrekkelijk maken voor internationale partners.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": ["gezondheid-welzijn"],
        "flagships": ["european-city-of-science", "leiden-bio-science-park"],
        "lead": "Gemeente Leiden",
        "partners": [
            ("Universiteit Leiden", "partner"),
            ("LUMC", "partner"),
            ("Stichting Erfgoedwandelingen Leiden", "partner"),
        ],
        "status": "lopend",
        "start_date": "2024-10-01",
        "end_date": None,
        "is_citywide": True,
        "neighbourhoods": [],
        "results": [],
        "links": [],
    },
    # Two drafts: they prove that unpublished work stays off public pages, feeds and the API.
    {
        "external_id": "demo-043",
        "title": "Een oude school wordt wijklab",
        "summary": "Concept: een leegstaande school in de Transvaalbuurt wordt een plek waar "
        "bewoners, studenten en erfgoed samenkomen.",
        "description": (
            "Het schoolgebouw is een beeldbepalend stuk buurtgeschiedenis.",
            "Dit concept is nog niet besproken met alle partners en daarom niet openbaar.",
        ),
        "primary_theme": "cultureel-erfgoed",
        "secondary_themes": ["biodiversiteit-duurzaamheid"],
        "flagships": [],
        "lead": "Woonstichting Rijnstad",
        "partners": [("Theatercollectief De Mors", "partner")],
        "status": "idee",
        "start_date": None,
        "end_date": None,
        "neighbourhoods": ["BU05460600"],
        "publication": "concept",
        "results": [],
        "links": [],
    },
    {
        "external_id": "demo-044",
        "title": "Een app voor mantelzorgers",
        "summary": "Concept: een eenvoudige app waarmee mantelzorgers taken verdelen en hulp "
        "in de buurt vinden.",
        "description": (
            "Mantelzorgers raken overbelast als alles op hen neerkomt.",
            "Dit concept wacht op een besluit over financiering en is daarom niet openbaar.",
        ),
        "primary_theme": "gezondheid-welzijn",
        "secondary_themes": [],
        "flagships": [],
        "lead": "Welzijnsteam Leiden",
        "partners": [("Hogeschool Leiden", "kennispartner")],
        "status": "idee",
        "start_date": None,
        "end_date": None,
        "is_citywide": True,
        "neighbourhoods": [],
        "publication": "concept",
        "results": [],
        "links": [],
    },
]
