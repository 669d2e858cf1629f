"""Example content of the Kenniswinkel: education offers and questions in every status.

`manage.py load_questions_demo` loads it (after load_programme and load_demo). Everything here
is made up: the offers are fictional but realistic units of the four institutions, the
questions and their askers (addresses at example.org) are invented. `external_id` ("demo-…")
identifies an offer; a question is recognised by its title.

Periods are "+N TERM (places)": the term of the academic year N years after the current one
(so the demo stays current), with its number of places.
"""

INSTITUTIONS = {
    "mbo": "mboRijnland",
    "hl": "Hogeschool Leiden",
    "ul": "Universiteit Leiden",
    "lumc": "LUMC",
}

# Demo accounts get no usable password; set one with `manage.py changepassword <name>`.
COORDINATOR = "demo-coordinator"
TEACHERS = {
    "mbo": "demo-docent-mborijnland",
    "hl": "demo-docent-hogeschool",
    "ul": "demo-docent-universiteit",
    "lumc": "demo-docent-lumc",
}

OFFERS = [
    # mboRijnland
    {
        "external_id": "demo-aanbod-01",
        "institution": "mbo",
        "programme": "Groen, Grond en Infra",
        "title": "Praktijkopdracht Groene Buurt",
        "level": "mbo",
        "kind": "vak",
        "disciplines": "groenvoorziening, hovenier",
        "keywords": "groen, tuin, geveltuin, boom, plantsoen, onderhoud, ontwerp, schoolplein, "
        "vergroenen, tegels",
        "description": "Studenten ontwerpen en leggen groen aan in de wijk: geveltuinen, "
        "plantvakken en boomspiegels, samen met bewoners.",
        "themes": ["biodiversiteit-duurzaamheid"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-02",
        "institution": "mbo",
        "programme": "Maatschappelijke Zorg",
        "title": "Stage Zorg en Welzijn in de Wijk",
        "level": "mbo",
        "kind": "stage",
        "disciplines": "zorg, welzijn, begeleiding",
        "keywords": "ouderen, eenzaamheid, ontmoeting, buurthuis, mantelzorg, activiteiten, "
        "bewegen, welzijn",
        "description": "Studenten lopen stage bij welzijnsorganisaties en organiseren "
        "activiteiten voor ouderen en kwetsbare bewoners.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 S2 (3)", "+1 S1 (3)"],
    },
    {
        "external_id": "demo-aanbod-03",
        "institution": "mbo",
        "programme": "Sport en Bewegen",
        "title": "Beweegprogramma voor de Buurt",
        "level": "mbo",
        "kind": "vak",
        "disciplines": "sport, bewegen",
        "keywords": "sport, bewegen, jongeren, kinderen, speeltuin, trapveld, beweegroute, "
        "ouderen, gezonde leefstijl",
        "description": "Studenten bedenken en begeleiden beweegactiviteiten voor kinderen, "
        "jongeren en ouderen in de openbare ruimte.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 Q3 (2)", "+1 Q1 (2)"],
    },
    {
        "external_id": "demo-aanbod-04",
        "institution": "mbo",
        "programme": "Techniek en Installatie",
        "title": "Energieteam: woningen doorlichten",
        "level": "mbo",
        "kind": "stage",
        "disciplines": "installatietechniek, elektrotechniek",
        "keywords": "energie, isolatie, zonnepanelen, warmtepomp, energierekening, tocht, "
        "verduurzamen, woning",
        "description": "Studenten geven bewoners advies over energie besparen: tochtstrips, "
        "isolatie, zonnepanelen en de energierekening.",
        "themes": ["biodiversiteit-duurzaamheid"],
        "periods": ["+0 S2 (3)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-05",
        "institution": "mbo",
        "programme": "Media en Vormgeving",
        "title": "Mediaproductie voor Erfgoed",
        "level": "mbo",
        "kind": "vak",
        "disciplines": "media, film, fotografie, vormgeving",
        "keywords": "film, video, fotografie, podcast, verhalen, erfgoed, tentoonstelling, "
        "geschiedenis, buurtverhalen",
        "description": "Studenten maken films, podcasts en fotoseries over de geschiedenis en "
        "verhalen van Leidse buurten.",
        "themes": ["cultureel-erfgoed"],
        "periods": ["+0 Q3 (2)", "+0 Q4 (2)"],
    },
    {
        "external_id": "demo-aanbod-06",
        "institution": "mbo",
        "programme": "Entree en Logistiek",
        "title": "Project Schone Buurt",
        "level": "mbo",
        "kind": "vak",
        "disciplines": "logistiek, facilitair",
        "keywords": "afval, zwerfafval, grofvuil, containers, recycling, schoon, opruimen, "
        "scheiden",
        "description": "Studenten onderzoeken hoe afval in de buurt beter wordt ingezameld en "
        "gescheiden, en organiseren opruimacties.",
        "themes": ["biodiversiteit-duurzaamheid"],
        "periods": ["+0 S2 (2)"],
    },
    # Hogeschool Leiden
    {
        "external_id": "demo-aanbod-07",
        "institution": "hl",
        "programme": "Social Work",
        "title": "Minor Wijkgericht Werken",
        "level": "hbo",
        "kind": "minor",
        "disciplines": "social work, sociologie",
        "keywords": "buurt, ontmoeting, eenzaamheid, armoede, participatie, bewoners, "
        "jongeren, samenleven, vrijwilligers, buurthuis",
        "description": "Studenten werken een semester in een wijk aan vragen over samenleven, "
        "ontmoeting, armoede en eenzaamheid.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 S2 (3)", "+1 S1 (3)"],
    },
    {
        "external_id": "demo-aanbod-08",
        "institution": "hl",
        "programme": "Voeding en Diëtetiek",
        "title": "Praktijkonderzoek Gezond Eten",
        "level": "hbo",
        "kind": "vak",
        "disciplines": "voeding, diëtetiek, gezondheid",
        "keywords": "voeding, gezond eten, groente, ontbijt, overgewicht, kinderen, "
        "supermarkt, koken, leefstijl",
        "description": "Studenten onderzoeken eetgewoonten en ontwerpen met bewoners "
        "interventies voor gezonder eten.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 Q3 (2)", "+1 Q1 (2)"],
    },
    {
        "external_id": "demo-aanbod-09",
        "institution": "hl",
        "programme": "Verpleegkunde",
        "title": "Afstudeeropdracht Zorg Thuis",
        "level": "hbo",
        "kind": "afstudeeropdracht",
        "disciplines": "verpleegkunde, wijkverpleging",
        "keywords": "ouderen, thuiszorg, mantelzorg, dementie, valpreventie, zelfstandig "
        "wonen, wijkverpleging",
        "description": "Verpleegkundestudenten onderzoeken hoe ouderen langer veilig thuis "
        "wonen en hoe mantelzorgers worden ontlast.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-10",
        "institution": "hl",
        "programme": "Bedrijfskunde",
        "title": "Adviesproject Lokale Economie",
        "level": "hbo",
        "kind": "vak",
        "disciplines": "bedrijfskunde, marketing",
        "keywords": "winkels, ondernemers, winkelstraat, markt, leegstand, horeca, klanten, "
        "economie",
        "description": "Studenten adviseren ondernemers en winkelstraten over klanten, "
        "leegstand en samenwerking.",
        "themes": [],
        "periods": ["+0 Q4 (2)", "+1 Q2 (2)"],
    },
    {
        "external_id": "demo-aanbod-11",
        "institution": "hl",
        "programme": "Informatica",
        "title": "Studio Data voor de Stad",
        "level": "hbo",
        "kind": "studio",
        "disciplines": "informatica, data science",
        "keywords": "data, meten, sensoren, app, dashboard, kaart, verkeer, luchtkwaliteit, "
        "fijnstof",
        "description": "Een multidisciplinaire studio die met data, sensoren en apps vragen "
        "uit de stad onderzoekt.",
        "themes": ["biodiversiteit-duurzaamheid"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-12",
        "institution": "hl",
        "programme": "Pedagogiek",
        "title": "Onderzoek Opvoeden en Opgroeien",
        "level": "hbo",
        "kind": "vak",
        "disciplines": "pedagogiek, onderwijs",
        "keywords": "kinderen, ouders, opvoeding, school, taal, voorlezen, jongeren, "
        "kansengelijkheid, huiswerk",
        "description": "Studenten onderzoeken vragen van ouders, scholen en jongerenwerk over "
        "opgroeien, taal en kansen.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-13",
        "institution": "hl",
        "programme": "Ecologie en Milieu",
        "title": "Veldonderzoek Stadsnatuur",
        "level": "hbo",
        "kind": "vak",
        "disciplines": "ecologie, biologie",
        "keywords": "biodiversiteit, vogels, insecten, bijen, vlinders, egels, natuur, "
        "inventarisatie, water, vissen",
        "description": "Studenten inventariseren planten en dieren in de stad en adviseren over "
        "natuurvriendelijk beheer.",
        "themes": ["biodiversiteit-duurzaamheid"],
        "periods": ["+0 Q3 (2)", "+0 Q4 (2)", "+1 Q1 (2)"],
    },
    # Universiteit Leiden
    {
        "external_id": "demo-aanbod-14",
        "institution": "ul",
        "programme": "Geschiedenis",
        "title": "Werkcollege Stadsgeschiedenis van Leiden",
        "level": "wo",
        "kind": "vak",
        "disciplines": "geschiedenis, archiefonderzoek",
        "keywords": "geschiedenis, archief, monument, gebouw, straatnamen, oorlog, hofjes, "
        "fabriek, erfgoed",
        "description": "Studenten zoeken in archieven uit hoe een gebouw, straat of buurt is "
        "ontstaan en veranderd.",
        "themes": ["cultureel-erfgoed"],
        "periods": ["+0 S2 (3)", "+1 S1 (3)"],
    },
    {
        "external_id": "demo-aanbod-15",
        "institution": "ul",
        "programme": "Archeologie",
        "title": "Minor Erfgoed in de Stad",
        "level": "wo",
        "kind": "minor",
        "disciplines": "archeologie, erfgoedstudies",
        "keywords": "archeologie, opgraving, bodem, vondsten, erfgoed, museum, collectie, monument",
        "description": "Studenten onderzoeken het erfgoed onder en boven de grond en hoe "
        "bewoners het beleven.",
        "themes": ["cultureel-erfgoed"],
        "periods": ["+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-16",
        "institution": "ul",
        "programme": "Biologie",
        "title": "Masterscriptie Stadsecologie",
        "level": "wo",
        "kind": "afstudeeropdracht",
        "disciplines": "biologie, ecologie",
        "keywords": "biodiversiteit, ecologie, soorten, insecten, bijen, bodem, bomen, "
        "hittestress, klimaatadaptatie",
        "description": "Masterstudenten doen onderzoek naar natuur in de stad: soorten, "
        "bodemleven en het effect van groen op hitte.",
        "themes": ["biodiversiteit-duurzaamheid"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-17",
        "institution": "ul",
        "programme": "Bestuurskunde",
        "title": "Onderzoekspracticum Bestuur en Burgers",
        "level": "wo",
        "kind": "vak",
        "disciplines": "bestuurskunde, politicologie",
        "keywords": "gemeente, participatie, inspraak, beleid, regels, vergunning, "
        "burgerinitiatief, vertrouwen",
        "description": "Studenten onderzoeken hoe bewoners en gemeente samenwerken: inspraak, "
        "participatie en beleid.",
        "themes": [],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-18",
        "institution": "ul",
        "programme": "Psychologie",
        "title": "Bachelorproject Welzijn en Gedrag",
        "level": "wo",
        "kind": "afstudeeropdracht",
        "disciplines": "psychologie",
        "keywords": "eenzaamheid, stress, geluk, gedrag, jongeren, welzijn, mentale "
        "gezondheid, sociale contacten",
        "description": "Bachelorstudenten psychologie onderzoeken welzijn, stress en "
        "eenzaamheid, met vragenlijsten en interviews.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 S2 (3)"],
    },
    {
        "external_id": "demo-aanbod-19",
        "institution": "ul",
        "programme": "Industrial Ecology",
        "title": "Studio Circulaire Stad",
        "level": "wo",
        "kind": "studio",
        "disciplines": "industrial ecology, milieukunde",
        "keywords": "circulair, hergebruik, afval, materialen, repair, delen, energie, "
        "klimaat, CO2",
        "description": "Een studio van Leiden en Delft waar studenten werken aan hergebruik, "
        "afval en energie in de stad.",
        "themes": ["biodiversiteit-duurzaamheid"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-20",
        "institution": "ul",
        "programme": "Culturele Antropologie",
        "title": "Veldwerk Diversiteit in de Wijk",
        "level": "wo",
        "kind": "vak",
        "disciplines": "antropologie, sociologie",
        "keywords": "cultuur, diversiteit, migratie, religie, tradities, ontmoeting, "
        "buurtverhalen, taal",
        "description": "Studenten doen veldwerk naar samenleven in diverse wijken: tradities, "
        "taal en ontmoeting.",
        "themes": ["cultureel-erfgoed"],
        "periods": ["+0 Q3 (2)", "+1 Q1 (2)"],
    },
    # LUMC
    {
        "external_id": "demo-aanbod-21",
        "institution": "lumc",
        "programme": "Geneeskunde",
        "title": "Wetenschappelijke Stage Gezondheid in de Wijk",
        "level": "wo",
        "kind": "stage",
        "disciplines": "geneeskunde, epidemiologie",
        "keywords": "gezondheid, gezondheidsverschillen, huisarts, overgewicht, diabetes, "
        "roken, preventie, leefstijl",
        "description": "Geneeskundestudenten onderzoeken gezondheidsverschillen tussen wijken "
        "en wat preventie kan doen.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-22",
        "institution": "lumc",
        "programme": "Population Health Management",
        "title": "Masteronderzoek Leefomgeving en Gezondheid",
        "level": "wo",
        "kind": "afstudeeropdracht",
        "disciplines": "public health, epidemiologie",
        "keywords": "luchtkwaliteit, geluid, hitte, groen, gezondheid, leefomgeving, data, astma",
        "description": "Masterstudenten onderzoeken hoe lucht, geluid, hitte en groen de "
        "gezondheid van bewoners beïnvloeden.",
        "themes": ["gezondheid-welzijn", "biodiversiteit-duurzaamheid"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
    {
        "external_id": "demo-aanbod-23",
        "institution": "lumc",
        "programme": "Geneeskunde",
        "title": "Keuzevak Zorg voor Ouderen",
        "level": "wo",
        "kind": "vak",
        "disciplines": "geriatrie, huisartsgeneeskunde",
        "keywords": "ouderen, dementie, medicijnen, vallen, zorg, mantelzorg, eenzaamheid, "
        "thuis wonen",
        "description": "Studenten verdiepen zich in de zorg voor ouderen thuis en in de wijk.",
        "themes": ["gezondheid-welzijn"],
        "periods": ["+0 Q4 (2)"],
    },
    {
        "external_id": "demo-aanbod-24",
        "institution": "ul",
        "programme": "Kunstgeschiedenis",
        "title": "Werkgroep Kunst in de Openbare Ruimte",
        "level": "wo",
        "kind": "vak",
        "disciplines": "kunstgeschiedenis, museumstudies",
        "keywords": "kunst, beelden, muurschildering, gedichten, museum, kunstwerk, "
        "openbare ruimte, cultuur",
        "description": "Studenten onderzoeken kunstwerken in de openbare ruimte: wie maakte "
        "ze, wat betekenen ze, hoe worden ze bewaard.",
        "themes": ["cultureel-erfgoed"],
        "periods": ["+0 S2 (2)", "+1 S1 (2)"],
    },
]

# Questions and the steps they went through. "steps" walk the lifecycle through the services:
# triage, match (offer external id; accepted or not), start, hand_over, answer, close, decline.
QUESTIONS = [
    {
        "title": "Waarom is het zo warm in onze straat in de zomer?",
        "description": "In de zomer is het in onze straat in de Transvaalbuurt veel warmer dan "
        "in het park. Er staan bijna geen bomen en alles is steen. Wat kunnen we als bewoners "
        "doen om het koeler te maken? Helpen geveltuinen echt?",
        "asker_kind": "bewoner",
        "neighbourhood": "BU05460600",
        "steps": [],
    },
    {
        "title": "Hoe krijgen we jongeren uit de buurt aan het sporten?",
        "description": "In de Stevenshof hangen veel jongeren rond bij het winkelcentrum. Het "
        "trapveldje is kapot. Wat werkt om jongeren in beweging te krijgen en wat vinden zij "
        "zelf leuk?",
        "asker_kind": "organisatie",
        "organisation_name": "Sportvereniging Stevenshof Actief",
        "neighbourhood": "BU05460900",
        "steps": [],
    },
    {
        "title": "Wat is de geschiedenis van het oude fabrieksgebouw bij ons?",
        "description": "Naast ons huis in de Hoge Mors staat een oud fabrieksgebouw. Buren "
        "zeggen dat er vroeger dekens werden gemaakt. Klopt dat, en wat gebeurde er precies?",
        "asker_kind": "bewoner",
        "neighbourhood": "BU05460602",
        "steps": [],
    },
    {
        "title": "Hoe kunnen we eenzame ouderen in de flat bereiken?",
        "description": "In onze flat in de Merenwijk wonen veel ouderen alleen. Ze komen niet "
        "naar de koffieochtend. Hoe bereik je mensen die eenzaam zijn maar dat niet zeggen?",
        "asker_kind": "organisatie",
        "organisation_name": "Welzijnsteam Leiden",
        "neighbourhood": "BU05460803",
        "steps": [
            {
                "do": "triage",
                "public_title": "Hoe bereiken we eenzame ouderen in een flat?",
                "public_summary": "Veel ouderen in een flat in de Merenwijk wonen alleen en "
                "komen niet naar activiteiten. Hoe bereik je bewoners die eenzaam zijn, en "
                "wat hebben zij nodig?",
                "theme": "gezondheid-welzijn",
                "tags": "eenzaamheid, ouderen, ontmoeting",
                "level": "hbo",
            }
        ],
    },
    {
        "title": "Welke planten helpen bijen op ons schoolplein?",
        "description": "Wij zijn ouders van basisschool De Vlinderhof. We willen het "
        "schoolplein groener maken, met planten voor bijen en vlinders. Welke planten werken "
        "en hoe houden we het bij?",
        "asker_kind": "organisatie",
        "organisation_name": "Basisschool De Vlinderhof",
        "neighbourhood": "BU05460405",
        "steps": [
            {
                "do": "triage",
                "public_title": "Welke planten helpen bijen en vlinders op een schoolplein?",
                "public_summary": "Ouders willen een schoolplein groener maken met planten "
                "voor bijen en vlinders. Welke planten passen en hoe houd je het bij?",
                "theme": "biodiversiteit-duurzaamheid",
                "tags": "schoolplein, bijen, vergroenen",
                "level": "",
            },
            {"do": "match", "offer": "demo-aanbod-13", "expired": True},
        ],
    },
    {
        "title": "Kunnen we samen zonnepanelen op de flat leggen?",
        "description": "Wij wonen in een huurflat in de Slaaghwijk. Het dak is groot en leeg. "
        "Kunnen bewoners samen zonnepanelen leggen en wat levert dat op?",
        "asker_kind": "bewoner",
        "neighbourhood": "BU05460800",
        "steps": [
            {
                "do": "triage",
                "public_title": "Samen zonnepanelen op het dak van een huurflat?",
                "public_summary": "Bewoners van een huurflat willen samen zonnepanelen op het "
                "dak. Kan dat, wie moet er meedoen en wat levert het op?",
                "theme": "biodiversiteit-duurzaamheid",
                "tags": "energie, zonnepanelen, huurders",
                "level": "mbo",
            },
            {"do": "match", "offer": "demo-aanbod-04", "accept": True},
        ],
    },
    {
        "title": "Eten kinderen in onze wijk wel een gezond ontbijt?",
        "description": "Als juf in Leiden-Noord zie ik veel kinderen zonder ontbijt op school "
        "komen. Hoe vaak gebeurt dat en wat helpt ouders?",
        "asker_kind": "bewoner",
        "neighbourhood": "BU05460300",
        "steps": [
            {
                "do": "triage",
                "public_title": "Komen kinderen in Groenoord zonder ontbijt naar school?",
                "public_summary": "Een leerkracht ziet veel kinderen zonder ontbijt op school. "
                "Hoe vaak gebeurt dat, waarom, en wat helpt gezinnen?",
                "theme": "gezondheid-welzijn",
                "tags": "voeding, kinderen, ontbijt",
                "level": "hbo",
            },
            {"do": "match", "offer": "demo-aanbod-08", "accept": True},
            {"do": "start"},
        ],
    },
    {
        "title": "Hoe schoon is de lucht langs de Haagweg?",
        "description": "Wij wonen aan de Haagweg en er rijdt veel verkeer. Mijn zoon heeft "
        "astma. Hoe schoon is de lucht hier eigenlijk, en kun je dat zelf meten?",
        "asker_kind": "bewoner",
        "neighbourhood": "BU05460501",
        "steps": [
            {
                "do": "triage",
                "public_title": "Hoe schoon is de lucht langs een drukke weg?",
                "public_summary": "Bewoners langs de Haagweg willen weten hoe schoon de lucht "
                "is en of ze zelf fijnstof kunnen meten.",
                "theme": "gezondheid-welzijn",
                "tags": "luchtkwaliteit, fijnstof, verkeer",
                "level": "",
            },
            {"do": "match", "offer": "demo-aanbod-11", "accept": True},
            {"do": "start"},
            {
                "do": "hand_over",
                "work_done": "Zes sensoren opgehangen en twee maanden fijnstof gemeten; "
                "eerste dashboard gemaakt.",
                "next_steps": "Metingen in de winter herhalen en vergelijken met het "
                "meetnet van de provincie.",
                "reports": "https://example.org/rapport-luchtmeting-haagweg",
            },
            {"do": "match", "offer": "demo-aanbod-22", "accept": True},
            {"do": "start"},
        ],
    },
    {
        "title": "Wie woonde er vroeger in ons hofje?",
        "description": "Wij wonen in een hofje in de Pieterswijk. We willen een bordje maken "
        "met de geschiedenis. Wie woonde hier vroeger en waarom is het hofje gebouwd?",
        "asker_kind": "bewoner",
        "neighbourhood": "BU05460000",
        "steps": [
            {
                "do": "triage",
                "public_title": "Wie woonde er vroeger in een hofje in de Pieterswijk?",
                "public_summary": "Bewoners van een hofje willen de geschiedenis van hun "
                "hofje vertellen op een bordje. Wie woonde er, en waarom is het gebouwd?",
                "theme": "cultureel-erfgoed",
                "tags": "hofjes, geschiedenis, archief",
                "level": "wo",
            },
            {"do": "match", "offer": "demo-aanbod-14", "accept": True},
            {"do": "start"},
            {
                "do": "answer",
                "answer_summary": "Het hofje werd in 1640 gebouwd door een rijke "
                "lakenkoopman. Hij liet het bouwen voor arme oudere vrouwen. Zij woonden er "
                "gratis. De studenten vonden hun namen in het archief. Op het bordje komt een "
                "korte geschiedenis met een oude tekening.",
                "answer_url": "https://example.org/rapport-hofje-pieterswijk",
            },
        ],
    },
    {
        "title": "Hoe zorgen we dat er minder zwerfafval in het park ligt?",
        "description": "In het park bij ons in Leeuwenhoek ligt na elk weekend veel afval. "
        "De prullenbakken zijn vol. Wat werkt tegen zwerfafval?",
        "asker_kind": "bewoner",
        "neighbourhood": "BU05460704",
        "steps": [
            {
                "do": "triage",
                "public_title": "Wat helpt tegen zwerfafval in een buurtpark?",
                "public_summary": "Na elk weekend ligt er veel afval in een park. Wat werkt "
                "tegen zwerfafval: meer prullenbakken, borden, of iets anders?",
                "theme": "biodiversiteit-duurzaamheid",
                "tags": "afval, zwerfafval, park",
                "level": "mbo",
            },
            {"do": "match", "offer": "demo-aanbod-06", "accept": True},
            {"do": "start"},
            {
                "do": "answer",
                "answer_summary": "De studenten telden het afval en spraken met bezoekers. "
                "Grote prullenbakken met een klep helpen het meest. Ook helpt het als "
                "buren samen één keer per maand opruimen. De gemeente zet in het voorjaar "
                "nieuwe prullenbakken neer.",
                "answer_url": "",
            },
            {"do": "close"},
        ],
    },
    {
        "title": "Kan mijn buurman een dakkapel bouwen zonder vergunning?",
        "description": "Mijn buurman bouwt een dakkapel. Ik denk dat hij geen vergunning "
        "heeft. Kan de Kenniswinkel dit uitzoeken?",
        "asker_kind": "bewoner",
        "neighbourhood": "BU05460403",
        "steps": [
            {
                "do": "decline",
                "reason": "Dit is een vraag over één vergunning. Daar kan de gemeente u het "
                "beste bij helpen: bel 14 071. Studenten kunnen hier geen onderzoek naar doen.",
            }
        ],
    },
]
