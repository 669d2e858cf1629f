"""Example targets and contributions that show the monitor at work, loaded by `load_ambitions`.

The targets are examples (nothing here was set by the council) and are marked so on the site;
the contributions belong to the demo projects, which are themselves marked as examples.
"""

EXAMPLE_DOCUMENT = "Voorbeelddoel om het platform te tonen; niet vastgesteld"

TARGETS = [
    # (indicator slug, year, value)
    ("goed-ervaren-gezondheid", 2030, "64.0"),
    ("goed-ervaren-mentale-gezondheid", 2030, "51.0"),
    ("enigszins-tot-sterk-eenzaam", 2030, "45.0"),
    ("beweegt-minstens-5-dagen-per-week-een-half-uur", 2030, "60.0"),
    ("groen-in-de-openbare-ruimte", 2040, "35.0"),
    ("co2-uitstoot", 2030, "280"),
    ("co2-uitstoot", 2040, "0"),
    ("erfgoed-bezocht", 2030, "65.0"),
    ("museumbezoek", 2030, "1200"),
]

CONTRIBUTIONS = [
    # (project external id, indicator slug, how, approved)
    (
        "demo-001",
        "goed-ervaren-gezondheid",
        "Kookavonden en keukentafelgesprekken maken gezond eten in Groenoord makkelijker; het "
        "LUMC meet hoe deelnemers hun gezondheid ervaren.",
        True,
    ),
    (
        "demo-002",
        "enigszins-tot-sterk-eenzaam",
        "Huisartsen verwijzen eenzame patiënten naar activiteiten in De Kooi (welzijn op recept).",
        True,
    ),
    (
        "demo-003",
        "beweegt-minstens-5-dagen-per-week-een-half-uur",
        "Beweegroutes door de Stevenshof nodigen uit om elke dag een half uur te wandelen.",
        True,
    ),
    (
        "demo-011",
        "goed-ervaren-mentale-gezondheid",
        "Studenten ontwerpen met hun medestudenten steun bij stress en prestatiedruk.",
        True,
    ),
    (
        "demo-011",
        "heel-vaak-gestrest",
        "Een peer-supportnetwerk moet het aandeel studenten dat heel vaak gestrest is verlagen.",
        False,
    ),
    (
        "demo-010",
        "goed-ervaren-gezondheid",
        "Jongeren kiezen zelf wat de Stevenshof gezonder maakt en voeren het uit.",
        False,
    ),
    (
        "demo-015",
        "groen-in-de-openbare-ruimte",
        "Stenen schoolpleinen in Leiden-Noord worden groene speelplekken.",
        True,
    ),
    (
        "demo-018",
        "groen-in-de-openbare-ruimte",
        "Minibossen bij scholen voegen groen toe in de Stevenshof.",
        True,
    ),
    (
        "demo-021",
        "co2-uitstoot",
        "Energiecoaches helpen buren hun woning te isoleren en minder gas te gebruiken.",
        True,
    ),
    (
        "demo-020",
        "co2-uitstoot",
        "Bewoners denken mee over het warmtenet, zodat meer woningen van het gas af gaan.",
        False,
    ),
    (
        "demo-030",
        "erfgoed-bezocht",
        "Naturalis brengt collectiestukken naar buurthuizen, voor wie niet naar het museum gaat.",
        True,
    ),
    (
        "demo-034",
        "museumbezoek",
        "Etalages in de binnenstad laten voorbijgangers kennismaken met de musea.",
        True,
    ),
    (
        "demo-031",
        "erfgoed-bezocht",
        "Erfgoedlessen brengen groep 7 en 8 met hun ouders naar monumenten en archief.",
        True,
    ),
]
