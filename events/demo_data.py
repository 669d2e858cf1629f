"""Example events for the agenda of Leiden Kennisstad, loaded by `manage.py load_events_demo`.

Every event here is fictional and marked as an example (`is_example`); its `external_id`
("demo-event-01", ...) is its identity. Days are counted from the day the loader runs
(`day`: 0 is today, negative is in the past), so the agenda always has some upcoming and
some past examples. Projects are named by the demo projects' `external_id`.
"""

EVENTS = [
    {
        "external_id": "demo-event-01",
        "title": "Nacht van de Leraar",
        "description": (
            "Een avond voor en over leraren uit Leiden en omgeving, van de kinderopvang tot de "
            "universiteit. Workshops over onderzoekend leren, een lezing over leesplezier en "
            "een markt met lesmateriaal uit de Leidse collecties. Afsluiting met muziek."
        ),
        "organiser": "Leidse Lerarencoöperatie",
        "day": 24,
        "start": "19:00",
        "end": "23:30",
        "place_name": "Stadsgehoorzaal Leiden",
        "address": "Breestraat 60, Leiden",
        "neighbourhood": "BU05460000",
        "flagship": "leiden-education-fieldlab",
        "projects": ["demo-036"],
        "audiences": ["professionals", "studenten"],
        "registration_url": "https://example.org/nacht-van-de-leraar",
    },
    {
        "external_id": "demo-event-02",
        "title": "Leiden Bio Science Park meetup: van lab naar start-up",
        "description": (
            "Drie jonge bedrijven van het Bio Science Park vertellen hoe hun onderzoek een "
            "product werd, en wat ze onderweg tegenkwamen. Daarna borrel en kennismaken met "
            "onderzoekers, studenten en investeerders. Voertaal Engels."
        ),
        "organiser": "Startersnetwerk Bio Science Park",
        "day": 9,
        "start": "16:00",
        "end": "19:00",
        "place_name": "BioPartner Center Leiden",
        "address": "Galileiweg 8, Leiden",
        "theme": "gezondheid-welzijn",
        "flagship": "leiden-bio-science-park",
        "projects": ["demo-008"],
        "audiences": ["onderzoekers", "professionals", "studenten"],
        "registration_url": "https://example.org/lbsp-meetup",
    },
    {
        "external_id": "demo-event-03",
        "title": "Erfgoedwandeling: de hofjes van de Pieterswijk",
        "description": (
            "Een gids van de Stichting Erfgoedwandelingen neemt u mee langs zes hofjes en "
            "vertelt wie er woonden en wie ze stichtten. Met de wandel-app van het project "
            "‘Wandelen door de Pieterswijk met je telefoon’ kunt u de route later zelf lopen. "
            "Geschikt voor kinderen vanaf acht jaar."
        ),
        "organiser": "Stichting Erfgoedwandelingen Leiden",
        "day": 3,
        "start": "14:00",
        "end": "16:00",
        "place_name": "Pieterskerk (verzamelen bij de hoofdingang)",
        "address": "Pieterskerkhof 1A, Leiden",
        "neighbourhood": "BU05460000",
        "theme": "cultureel-erfgoed",
        "projects": ["demo-033"],
        "audiences": ["bewoners", "kinderen-gezinnen"],
    },
    {
        "external_id": "demo-event-04",
        "title": "Vogels tellen in het Singelpark",
        "description": (
            "Doe mee aan de vogeltelling van de Natuurwerkgroep Singelpark: in kleine groepjes "
            "met een ervaren teller loopt u een stuk van het park en noteert u wat u ziet en "
            "hoort. De tellingen gaan naar Naturalis en helpen te volgen hoe het park zich "
            "ontwikkelt. Verrekijkers zijn te leen."
        ),
        "organiser": "Natuurwerkgroep Singelpark",
        "day": 17,
        "start": "08:30",
        "end": "11:00",
        "place_name": "Singelpark, bij de Zijlpoort",
        "address": "Zijlpoort, Leiden",
        "neighbourhood": "BU05460105",
        "theme": "biodiversiteit-duurzaamheid",
        "projects": ["demo-017"],
        "audiences": ["bewoners", "kinderen-gezinnen"],
    },
    {
        "external_id": "demo-event-05",
        "title": "Pitchavond Leren met de Stad",
        "description": (
            "Studententeams van mbo, hbo en universiteit presenteren wat ze dit semester "
            "uitzochten op vragen uit de stad: van hittestress in de Merenwijk tot eenzaamheid "
            "in De Kooi. Bewoners en vraagstellers geven hun reactie; een jury kiest welk "
            "advies de gemeente als eerste oppakt."
        ),
        "organiser": "Hogeschool Leiden",
        "day": 31,
        "start": "19:30",
        "end": "22:00",
        "place_name": "Pieterskerk",
        "address": "Pieterskerkhof 1A, Leiden",
        "flagship": "leren-met-de-stad",
        "projects": ["demo-016", "demo-002"],
        "audiences": ["studenten", "bewoners", "professionals"],
        "registration_url": "https://example.org/pitchavond",
    },
    {
        "external_id": "demo-event-06",
        "title": "Webinar: hittestress meten in je eigen wijk",
        "description": (
            "Onderzoekers laten zien hoe bewoners met een goedkope sensor de temperatuur in "
            "huis en op straat kunnen meten, en wat de metingen in de Merenwijk tot nu toe "
            "lieten zien. Met ruimte voor vragen via de chat."
        ),
        "organiser": "Universiteit Leiden",
        "day": 6,
        "start": "19:30",
        "end": "20:30",
        "online_url": "https://example.org/webinar-hittestress",
        "theme": "biodiversiteit-duurzaamheid",
        "projects": ["demo-016"],
        "audiences": ["bewoners", "onderzoekers"],
    },
    {
        "external_id": "demo-event-07",
        "title": "Inloopavond: gezond ouder worden in Groenoord",
        "description": (
            "Buurtbewoners, huisartsen en het welzijnsteam praten over wat helpt om gezond "
            "en niet alleen oud te worden in Groenoord. Met soep, een bloeddrukmeting en de "
            "eerste resultaten van ‘Gezond Groenoord: samen aan tafel’."
        ),
        "organiser": "Buurtnetwerk Gezond Leiden-Noord",
        "day": 13,
        "start": "17:30",
        "end": "20:00",
        "place_name": "Buurthuis De Dobbe",
        "neighbourhood": "BU05460300",
        "theme": "gezondheid-welzijn",
        "projects": ["demo-001"],
        "audiences": ["bewoners"],
    },
    {
        "external_id": "demo-event-08",
        "title": "Open dag groene daken op het Bio Science Park",
        "description": (
            "Rondleidingen over drie begroeide daken van het Bio Science Park: wat groeit er, "
            "wat leeft er en hoeveel regenwater houden ze vast?"
        ),
        "organiser": "Universiteit Leiden",
        "day": 11,
        "start": "10:00",
        "end": "15:00",
        "place_name": "Leiden Bio Science Park",
        "address": "Sylviusweg 72, Leiden",
        "theme": "biodiversiteit-duurzaamheid",
        "flagship": "leiden-bio-science-park",
        "projects": ["demo-023"],
        "audiences": ["bewoners", "studenten"],
        "cancelled": "Afgelast wegens de verwachte storm; een nieuwe datum volgt.",
    },
    {
        "external_id": "demo-event-09",
        "title": "Workshop: erfgoed in de klas",
        "description": (
            "Voor leraren van groep 6 tot en met 8: hoe gebruik je de leskisten met "
            "voorwerpen uit de Leidse collecties in je les? Met voorbeeldlessen en tijd om "
            "zelf een les te ontwerpen."
        ),
        "organiser": "Naturalis Biodiversity Center",
        "day": 40,
        "start": "15:30",
        "end": "17:30",
        "place_name": "Naturalis",
        "address": "Darwinweg 2, Leiden",
        "theme": "cultureel-erfgoed",
        "flagship": "leiden-education-fieldlab",
        "projects": ["demo-039", "demo-031"],
        "audiences": ["professionals"],
        "registration_url": "https://example.org/erfgoed-in-de-klas",
    },
    {
        "external_id": "demo-event-10",
        "title": "Wetenschapsfestival in de wijk",
        "description": (
            "Een dag lang proefjes, kraampjes en korte lezingen op het plein: onderzoekers en "
            "studenten laten zien waar ze aan werken, kinderen doen zelf onderzoek."
        ),
        "organiser": "Gemeente Leiden",
        "day": -20,
        "all_day": 1,
        "place_name": "Plein bij de Meerburgkerk",
        "neighbourhood": "BU05460400",
        "flagship": "european-city-of-science",
        "projects": ["demo-037"],
        "audiences": ["bewoners", "kinderen-gezinnen"],
    },
    {
        "external_id": "demo-event-11",
        "title": "Lezing: hoe komt een medicijn tot stand?",
        "description": (
            "Een onderzoeker van het LUMC vertelt in de bibliotheek hoe een medicijn van idee "
            "tot apotheek komt, en waarom dat zo lang duurt. Daarna is er tijd voor vragen."
        ),
        "organiser": "LUMC",
        "day": -8,
        "start": "20:00",
        "end": "21:30",
        "place_name": "Bibliotheek Nieuwstraat",
        "address": "Nieuwstraat 4, Leiden",
        "neighbourhood": "BU05460000",
        "theme": "gezondheid-welzijn",
        "projects": ["demo-014"],
        "audiences": ["bewoners"],
    },
    {
        "external_id": "demo-event-12",
        "title": "Welkomstdagen voor internationale onderzoekers",
        "description": (
            "Twee dagen kennismaken met Leiden voor wie net aan een van de kennisinstellingen "
            "begon: de stad, de wetenschap, de musea en praktische zaken. Ook online te volgen."
        ),
        "organiser": "Universiteit Leiden",
        "day": -35,
        "all_day": 2,
        "place_name": "Academiegebouw",
        "address": "Rapenburg 73, Leiden",
        "neighbourhood": "BU05460001",
        "online_url": "https://example.org/welcome-days",
        "flagship": "european-city-of-science",
        "projects": ["demo-042"],
        "audiences": ["onderzoekers"],
    },
]
