"""The Leiden Kennisstad programme as data: programme, themes, flagships and core partners.

`manage.py load_programme` loads this (see `portfolio.loaders.load_programme`); edit the text
here and run the command again to update the site. Slugs are identities: changing one makes a
new row instead of renaming the old one. The texts are our own summary of the programme.
"""

PROGRAMME = {
    "name": "Leiden Kennisstad",
    "slug": "leiden-kennisstad",
    "city": "Leiden",
    "municipality_code": "GM0546",
    "tagline": "Gemeente, kennisinstellingen en inwoners werken samen aan een gezonde, groene "
    "en nieuwsgierige stad.",
    "description": (
        "Leiden Kennisstad is de samenwerking tussen de gemeente Leiden, Universiteit Leiden, "
        "het LUMC, Hogeschool Leiden, mboRijnland en Naturalis, samen met bewoners, "
        "ondernemers, scholen en culturele instellingen. De stad zit vol kennis; het programma "
        "zorgt dat die kennis ook buiten de collegezalen en laboratoria het verschil maakt.\n\n"
        "Elk project draagt bij aan één van drie thema's: Gezondheid & Welzijn, Biodiversiteit "
        "& Duurzaamheid en Cultureel Erfgoed. De thema's staan niet los van elkaar: een groen "
        "schoolplein is ook goed voor de gezondheid, en een erfgoedcollectie vertelt ook iets "
        "over het klimaat. Door ze in samenhang te bekijken, versterken projecten elkaar.\n\n"
        "Vlaggenschepen als het Leiden Bio Science Park, Leren met de Stad, de nalatenschap van "
        "European City of Science en het Leiden Education Fieldlab laten zien wat die "
        "samenwerking oplevert, over de grenzen van de thema's heen."
    ),
    "website": "",
}

THEMES = [
    {
        "slug": "gezondheid-welzijn",
        "name": "Gezondheid & Welzijn",
        "summary": "Samen werken aan een stad waar iedereen gezond kan leven, ongeacht inkomen, "
        "opleiding of wijk.",
        "description": (
            "In Leiden leven mensen met weinig geld of een korte opleiding gemiddeld jaren korter "
            "in goede gezondheid dan anderen, en dat verschil verdwijnt niet vanzelf. Losse "
            "maatregelen van één organisatie blijken te traag en te smal.\n\n"
            "Binnen dit thema bundelen zorg, onderzoek, onderwijs en gemeente hun krachten in de "
            "wijken zelf: van preventie op school en in de buurt tot zorg die beter aansluit bij "
            "wat bewoners nodig hebben. Onderzoekers, studenten en professionals uit "
            "verschillende vakgebieden werken daarbij samen met bewoners."
        ),
        "ambition": (
            "Leiden is in 2030 een van de gezondste steden van Nederland. Omdat de "
            "sociaaleconomische gezondheidsverschillen hardnekkig zijn, kiezen we voor een "
            "snellere, multidisciplinaire aanpak waarin zorg, onderzoek, onderwijs en gemeente "
            "samen optrekken."
        ),
        "target_year": 2030,
        "colour": "#B0224F",
        "order": 1,
    },
    {
        "slug": "biodiversiteit-duurzaamheid",
        "name": "Biodiversiteit & Duurzaamheid",
        "summary": "De stad als proeftuin voor een groen, soortenrijk en klimaatneutraal Leiden, "
        "met bewoners als medeonderzoekers.",
        "description": (
            "Leiden wil groener, rijker aan planten en dieren en vrij van netto "
            "broeikasgasuitstoot worden. Dat vraagt om keuzes in elke straat: meer groen tegen "
            "hitte en wateroverlast, ruimte voor insecten en vogels, en een andere manier van "
            "verwarmen, bouwen en verplaatsen.\n\n"
            "De stad werkt daarbij als levend laboratorium. Kennisinstellingen onderzoeken samen "
            "met bewoners wat werkt, bewoners doen mee als waarnemer, ontwerper of "
            "proefpersoon, en wat we leren delen we met andere steden in Nederland en Europa."
        ),
        "ambition": (
            "Leiden is in 2040 een groene, biodiverse en klimaatneutrale stad. De stad is een "
            "levend laboratorium dat bewoners meeneemt in de duurzaamheidstransities en "
            "bijdraagt aan de kennis daarover, ook op Europees niveau."
        ),
        "target_year": 2040,
        "colour": "#2D6A2E",
        "order": 2,
    },
    {
        "slug": "cultureel-erfgoed",
        "name": "Cultureel Erfgoed",
        "summary": "Cultuur, wetenschap en samenleving verbinden door erfgoedcollecties te "
        "onderzoeken, te onderwijzen en te beleven, ook buiten de museummuren.",
        "description": (
            "Leiden bewaart in musea, bibliotheken, archieven en laboratoria collecties van "
            "wereldformaat. Een groot deel daarvan ligt in depots en is voor de meeste "
            "Leidenaren onzichtbaar.\n\n"
            "Dit thema brengt die kennis en collecties naar buiten: naar scholen, pleinen, "
            "parken en wijken. Onderwijs, onderzoek en beleving gaan hand in hand, zodat "
            "erfgoed een plek krijgt in het dagelijks leven van de stad."
        ),
        "ambition": (
            "Cultuur, wetenschap en samenleving zijn met elkaar verbonden via onderwijs, "
            "onderzoek en beleving van erfgoedcollecties. De kennis en collecties die nu binnen "
            "de gebouwen zitten, zijn ook daarbuiten zichtbaar en te beleven."
        ),
        # The programme names no year for this ambition; we do not invent one.
        "target_year": None,
        "colour": "#6B3FA0",
        "order": 3,
    },
]

FLAGSHIPS = [
    {
        "slug": "leiden-bio-science-park",
        "name": "Leiden Bio Science Park",
        "summary": "Het grootste innovatiedistrict voor life sciences en gezondheid van "
        "Nederland, waar onderzoek, onderwijs en bedrijven naast elkaar werken.",
        "description": (
            "Op het Leiden Bio Science Park zitten universiteit, LUMC, hogeschool en mbo naast "
            "honderden bedrijven en instellingen in de life sciences: van start-ups tot "
            "internationale farmaceuten. Nergens in Nederland is dit soort bedrijvigheid zo "
            "geconcentreerd.\n\n"
            "Als vlaggenschip laat het park zien hoe kennis doorstroomt naar nieuwe "
            "geneesmiddelen, diagnostiek en banen, en hoe het park ook voor de stad en haar "
            "bewoners van betekenis kan zijn: als werkgever, als leeromgeving en als groen "
            "stuk stad."
        ),
        "website": "",
        "order": 1,
    },
    {
        "slug": "leren-met-de-stad",
        "name": "Leren met de Stad",
        "summary": "Studenten, docenten en onderzoekers van mbo, hbo en wo werken samen met "
        "bewoners aan vragen uit de stad, als onderdeel van hun opleiding.",
        "description": (
            "Leren met de Stad is de Leidse bijdrage aan de landelijke City Deal Kennis Maken, "
            "waarin twintig steden samenwerken met hun onderwijsinstellingen. Vragen van "
            "bewoners, organisaties en de gemeente worden opdrachten in vakken, minoren, stages "
            "en afstudeertrajecten.\n\n"
            "De Kenniswinkel is het loket waar vragen binnenkomen. Ingewikkelde vragen gaan naar "
            "een studio, waar een multidisciplinair team van studenten van verschillende "
            "niveaus eraan werkt. Elk semester begint een nieuwe groep, zodat een vraag ook over "
            "meerdere rondes kan lopen."
        ),
        "website": "",
        "order": 2,
    },
    {
        "slug": "european-city-of-science",
        "name": "Legacy European City of Science",
        "summary": "Na Leiden European City of Science 2022 blijven we bewoners en wetenschap "
        "samenbrengen en Leiden in Nederland en Europa op de kaart zetten.",
        "description": (
            "In 2022 was Leiden European City of Science. Een jaar lang was wetenschap overal in "
            "de stad te zien en te beleven, en ontmoetten onderzoekers en bewoners elkaar op "
            "onverwachte plekken.\n\n"
            "Dit vlaggenschip zorgt dat die beweging doorgaat: met terugkerende activiteiten "
            "waarin bewoners en wetenschap elkaar treffen, met een sterk profiel van Leiden als "
            "kennisstad in Nederland en Europa, en met het aantrekken van internationale "
            "partners."
        ),
        "website": "",
        "order": 3,
    },
    {
        "slug": "leiden-education-fieldlab",
        "name": "Leiden Education Fieldlab (Het LEF)",
        "summary": "Een onderwijsnetwerk van voorschool tot universiteit, samen met cultuur en "
        "bedrijfsleven, dat onderwijs in Leiden sterker maakt.",
        "description": (
            "Het LEF verbindt kinderopvang, basis- en voortgezet onderwijs, mbo, hogeschool en "
            "universiteit met culturele instellingen en bedrijven. Leraren, schoolleiders en "
            "onderzoekers werken samen aan vragen uit de klas en aan de doorgaande leerlijn.\n\n"
            "Het netwerk organiseert ook ontmoetingen die het vak van leraar zichtbaar maken, "
            "zoals de Nacht van de Leraar, en het brengt onderzoek en praktijk dichter bij "
            "elkaar."
        ),
        "website": "",
        "order": 4,
    },
]

# mboRijnland and Naturalis count as knowledge institutions: DESIGN.md names them among the
# programme's knowledge institutions, next to the university, LUMC and the university of
# applied sciences.
CORE_PARTNERS = [
    {
        "name": "Gemeente Leiden",
        "kind": "gemeente",
        "website": "https://www.leiden.nl",
        "description": "De gemeente Leiden brengt de vragen van de stad in en verbindt ze met de "
        "kennis van de instellingen.",
    },
    {
        "name": "Universiteit Leiden",
        "kind": "kennisinstelling",
        "website": "https://www.universiteitleiden.nl",
        "description": "De oudste universiteit van Nederland, met onderzoek en onderwijs in "
        "zeven faculteiten, in Leiden en Den Haag.",
    },
    {
        "name": "LUMC",
        "kind": "kennisinstelling",
        "website": "https://www.lumc.nl",
        "description": "Het Leids Universitair Medisch Centrum: patiëntenzorg, medisch "
        "onderzoek en onderwijs onder één dak.",
    },
    {
        "name": "Hogeschool Leiden",
        "kind": "kennisinstelling",
        "website": "https://www.hsleiden.nl",
        "description": "Hogeschool met opleidingen in onder meer zorg, onderwijs, "
        "sociaal werk, informatica en life sciences, en praktijkgericht onderzoek.",
    },
    {
        "name": "mboRijnland",
        "kind": "kennisinstelling",
        "website": "https://www.mborijnland.nl",
        "description": "Regionale mbo-instelling die vakmensen opleidt voor zorg, techniek, "
        "laboratorium, economie en nog veel meer.",
    },
    {
        "name": "Naturalis Biodiversity Center",
        "kind": "kennisinstelling",
        "website": "https://www.naturalis.nl",
        "description": "Nationaal onderzoeksinstituut voor biodiversiteit met een van de "
        "grootste natuurhistorische collecties ter wereld en een museum.",
    },
]
