"""The first text of each site page, loaded by `manage.py load_site_pages` (and `make data`).

The programme office rewrites them in the workspace; the loader never overwrites an edit.
Addresses are the demo's (.example.nl) until the office fills in the real ones."""

KENNISWINKEL_EMAIL = "kenniswinkel@kennisstad.example.nl"
OFFICE_EMAIL = "programmabureau@kennisstad.example.nl"

PRIVACY_NL = f"""\
Deze site toont de projecten van Leiden Kennisstad. Om de site te bekijken hoeft u niets over
uzelf te vertellen. We gebruiken geen cookies om u te volgen en geen diensten van anderen
(geen advertenties, geen statistieken van derden, geen kaarten of lettertypen van andere sites).

## Als u een vraag stelt aan de Kenniswinkel

- We vragen uw e-mailadres, en als u wilt de naam van uw organisatie. Die gebruiken we alleen
  om uw vraag te behandelen en u op de hoogte te houden.
- Op de website zetten we alleen een korte beschrijving van uw vraag, zonder uw naam of
  e-mailadres.
- Is uw vraag afgesloten of kunnen we hem niet oppakken? Dan wissen we uw e-mailadres en uw
  aanvullingen twaalf maanden later.
- Alleen de medewerkers van de Kenniswinkel en de docenten die met uw vraag aan de slag gaan,
  kunnen uw gegevens zien.

## Als u in de werkplek werkt

Redacteuren, docenten en het programmabureau loggen in. Daarvoor bewaren we uw naam,
e-mailadres en rollen, en een logboek van wat er in de werkplek gebeurt. In dat logboek staat
uw IP-adres alleen ingekort; het logboek wordt na twee jaar gewist. De site zet alleen de
cookies die nodig zijn om in te loggen en formulieren veilig te versturen.

## Uw rechten

U mag vragen welke gegevens we van u hebben, ze laten verbeteren of laten wissen. Mail de
Kenniswinkel: [{KENNISWINKEL_EMAIL}](mailto:{KENNISWINKEL_EMAIL}). Bent u het niet eens met hoe
we met uw gegevens omgaan? Dan kunt u een klacht indienen bij de
[Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl/).
"""

PRIVACY_EN = f"""\
This site shows the projects of Leiden Kennisstad. You do not have to tell us anything about
yourself to read it. We use no cookies to follow you and no services of others (no adverts,
no third-party statistics, no maps or fonts from other sites).

## When you ask the Kenniswinkel a question

- We ask for your e-mail address and, if you like, the name of your organisation. We use them
  only to handle your question and to keep you informed.
- The website shows only a short description of your question, without your name or e-mail
  address.
- Once your question is closed, or if we cannot take it on, we erase your e-mail address and
  your additions twelve months later.
- Only the Kenniswinkel's staff and the teachers who work on your question can see your details.

## When you work in the workspace

Editors, teachers and the programme office log in. For that we keep your name, e-mail address
and roles, and a log of what happens in the workspace. The log keeps your IP address only
shortened and is erased after two years. The site sets only the cookies needed to log in and to
send forms safely.

## Your rights

You may ask which data we hold about you, and have it corrected or erased. E-mail the
Kenniswinkel: [{KENNISWINKEL_EMAIL}](mailto:{KENNISWINKEL_EMAIL}). If you disagree with how we
handle your data, you can complain to the Dutch Data Protection Authority
([Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl/)).
"""

CONTACT_NL = f"""\
## Een vraag aan de Kenniswinkel

Heeft u een vraag over uw buurt, uw vereniging of uw stad die studenten en onderzoekers kunnen
uitzoeken? [Stel uw vraag](/vragen/stellen/) met het formulier op deze site. U kunt de
Kenniswinkel ook mailen of schrijven.

- E-mail: [{KENNISWINKEL_EMAIL}](mailto:{KENNISWINKEL_EMAIL})
- Post: Kenniswinkel Leiden, Postbus 9100, 2300 PC Leiden

## Het programmabureau van Leiden Kennisstad

Voor partners die een project willen aanmelden, voor de werkplek en voor vragen over de
samenwerking, de thema's en de vlaggenschepen.

- E-mail: [{OFFICE_EMAIL}](mailto:{OFFICE_EMAIL})
- Post: Programmabureau Leiden Kennisstad, Postbus 9100, 2300 PC Leiden

## Een fout op de site?

Staat er iets niet goed in een project? Mail het programmabureau; de redacteur van de
organisatie die het project trekt past het aan. Een probleem met de toegankelijkheid van de
site? Lees de [toegankelijkheidsverklaring](/toegankelijkheid/).
"""

CONTACT_EN = f"""\
## A question for the Kenniswinkel

Do you have a question about your neighbourhood, your association or your city that students
and researchers could look into? [Ask your question](/en/vragen/stellen/) with the form on this
site. You can also e-mail or write to the Kenniswinkel.

- E-mail: [{KENNISWINKEL_EMAIL}](mailto:{KENNISWINKEL_EMAIL})
- Post: Kenniswinkel Leiden, Postbus 9100, 2300 PC Leiden, the Netherlands

## The Leiden Kennisstad programme office

For partners who want to register a project, for the workspace, and for questions about the
collaboration, its themes and flagships.

- E-mail: [{OFFICE_EMAIL}](mailto:{OFFICE_EMAIL})
- Post: Programme office Leiden Kennisstad, Postbus 9100, 2300 PC Leiden, the Netherlands

## A mistake on the site?

Is something wrong in a project? E-mail the programme office; the editor of the organisation
leading the project will correct it. A problem with the accessibility of the site? Read the
[accessibility statement](/en/toegankelijkheid/).
"""

ACCESSIBILITY_NL = f"""\
Leiden Kennisstad wil dat iedereen deze website kan gebruiken. Deze verklaring volgt het model
van de toegankelijkheidsverklaring van de Nederlandse overheid.

## Verklaring

Deze verklaring geldt voor de website Leiden Kennisstad: de openbare pagina's (programma,
thema's, vlaggenschepen, projecten, partners, wijken en de Kenniswinkel) en de werkplek voor
partners, docenten en het programmabureau.

## Status: eerste maatregelen genomen

De site is gebouwd volgens de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA.
Er is nog geen onderzoek door een onafhankelijke deskundige gedaan; daarom meldt deze
verklaring nog niet dat de site volledig voldoet.

Wat we wel aantonen, bij elke wijziging van de site:

- Elke soort openbare pagina, het vraagformulier, de werkplek en deze sitepagina's worden in
  Nederlands en Engels automatisch getest met axe-core op alle regels van WCAG 2.1 A en AA, op
  een scherm van 1280 en van 375 pixels breed. Die tests vinden nul overtredingen.
- Alles werkt met het toetsenbord alleen (ook de kaart en de zoeksuggesties), en zonder
  JavaScript.
- Op een telefoon hoeft u niet opzij te scrollen.

Automatische tests vinden niet elk probleem. Een onderzoek door een deskundige volgt; daarna
passen we deze verklaring aan.

## Bekende problemen

- De kaarten zijn een aanvulling: elke wijk, buurt en elk project staat ook in een lijst.
- Afbeeldingen bij projecten krijgen een beschrijving van de redacteur; die kan ontbreken bij
  oudere projecten.

## Een probleem melden

Loopt u tegen iets aan? Mail het programmabureau:
[{OFFICE_EMAIL}](mailto:{OFFICE_EMAIL}). We antwoorden binnen vijf werkdagen en lossen het
probleem zo snel mogelijk op. Krijgt u geen goed antwoord, dan kunt u zich wenden tot de
Nationale ombudsman.
"""

ACCESSIBILITY_EN = f"""\
Leiden Kennisstad wants everyone to be able to use this website. This statement follows the
model of the Dutch government's accessibility statement (toegankelijkheidsverklaring).

## Statement

This statement covers the Leiden Kennisstad website: its public pages (programme, themes,
flagships, projects, partners, neighbourhoods and the Kenniswinkel) and the workspace for
partners, teachers and the programme office.

## Status: first measures taken

The site is built to the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. No
independent expert has audited it yet, so this statement does not yet claim full compliance.

What we do prove, with every change to the site:

- Every kind of public page, the question form, the workspace and these site pages are tested
  automatically, in Dutch and English, with axe-core against all WCAG 2.1 A and AA rules, on
  screens 1280 and 375 pixels wide. Those tests find zero violations.
- Everything works with the keyboard alone (the map and the search suggestions too), and
  without JavaScript.
- On a phone you never need to scroll sideways.

Automated tests do not find every problem. An expert audit will follow; we will update this
statement afterwards.

## Known issues

- The maps are an extra: every district, neighbourhood and project is also in a list.
- Editors describe the images of projects; older projects may lack a description.

## Reporting a problem

Something in your way? E-mail the programme office:
[{OFFICE_EMAIL}](mailto:{OFFICE_EMAIL}). We answer within five working days and fix the
problem as soon as we can. If you do not get a good answer, you can turn to the National
Ombudsman (Nationale ombudsman).
"""

COLOPHON_NL = """\
## Wie maakt deze site

Leiden Kennisstad is de samenwerking van de gemeente Leiden met Universiteit Leiden, het LUMC,
Hogeschool Leiden, mboRijnland, Naturalis en vele andere partners. Het programmabureau beheert
deze site; de partners houden hun eigen projecten bij.

## Bronnen

- Wijk- en buurtgrenzen: CBS/Kadaster, wijk- en buurtkaart 2024 (CC BY 4.0).
- Projecten, resultaten en partners: de partners van Leiden Kennisstad.
- Vragen van de Kenniswinkel: bewoners en organisaties van Leiden, zonder hun naam.

## Gemaakt met

Open-source software: Django, SQLite en PostgreSQL, Leaflet voor de kaarten en htmx. De site
zet geen software of diensten van derden in bij uw bezoek.
"""

COLOPHON_EN = """\
## Who makes this site

Leiden Kennisstad is the collaboration of the municipality of Leiden with Leiden University,
LUMC, Leiden University of Applied Sciences, mboRijnland, Naturalis and many other partners.
The programme office runs this site; the partners keep their own projects up to date.

## Sources

- District and neighbourhood boundaries: CBS/Kadaster, wijk- en buurtkaart 2024 (CC BY 4.0).
- Projects, results and partners: the partners of Leiden Kennisstad.
- Kenniswinkel questions: residents and organisations of Leiden, without their names.

## Built with

Open-source software: Django, SQLite and PostgreSQL, Leaflet for the maps, and htmx. The site
uses no third-party software or services during your visit.
"""


def _unwrap(text: str) -> str:
    """The texts above are wrapped for reading here; stored, a paragraph or a list item is one
    line, as the office would type it in the workspace."""
    blocks = []
    for block in text.strip().split("\n\n"):
        lines = block.split("\n")
        if all(line.startswith(("- ", "  ")) for line in lines):
            items: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line)
                else:
                    items[-1] += " " + line.strip()
            blocks.append("\n".join(items))
        else:
            blocks.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(blocks) + "\n"


INITIAL_PAGES = {
    "privacy": {
        "title_nl": "Privacyverklaring",
        "title_en": "Privacy statement",
        "body_nl": _unwrap(PRIVACY_NL),
        "body_en": _unwrap(PRIVACY_EN),
    },
    "contact": {
        "title_nl": "Contact",
        "title_en": "Contact",
        "body_nl": _unwrap(CONTACT_NL),
        "body_en": _unwrap(CONTACT_EN),
    },
    "toegankelijkheid": {
        "title_nl": "Toegankelijkheidsverklaring",
        "title_en": "Accessibility statement",
        "body_nl": _unwrap(ACCESSIBILITY_NL),
        "body_en": _unwrap(ACCESSIBILITY_EN),
    },
    "colofon": {
        "title_nl": "Colofon",
        "title_en": "Colophon",
        "body_nl": _unwrap(COLOPHON_NL),
        "body_en": _unwrap(COLOPHON_EN),
    },
}
