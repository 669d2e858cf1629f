"""Fill a fresh database with N realistic published projects for the HTTP benchmark.

    .venv/bin/python bench/generate_projects.py --database-url URL --projects 10000

Migrates the database, loads the real Leiden Kennisstad programme (`load_programme`: themes,
flagships, core partners, CBS districts and neighbourhoods), then bulk-inserts several hundred
organisations and N published projects with Dutch titles, summaries and descriptions drawn from
word lists, their secondary themes, flagships, partners, neighbourhoods, links and results.
When the command `rebuild_search_index` exists it is run afterwards.

The result is reused: a database that already holds a generation with the same N, seed and
schema (recorded in the table `bench_generation`) is left as it is, so a second run takes a
second. A SQLite file that does not match is deleted and made again. On PostgreSQL a
`pg_dump` of the generated database is kept under var/bench/ and restored into an empty
database, so a throwaway cluster does not have to be generated again either.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / "var" / "bench"
GENERATOR_VERSION = 1  # bump when what is generated changes, to invalidate cached databases
MARKER_TABLE = "bench_generation"
BATCH_SIZE = 2000

# The word a typical search looks for: present in roughly a third of the projects, in every
# theme (bench/http_bench.py searches for it with the health theme filter).
SEARCH_WORD = "school"

THEME_WORDS = {
    "gezondheid-welzijn": {
        "topics": [
            "Gezond ouder worden",
            "Bewegen in de buurt",
            "Eenzaamheid onder jongeren",
            "Gezonde schoolkantine",
            "Mentale veerkracht",
            "Samen koken en eten",
            "Valpreventie bij ouderen",
            "Sporten op het plein",
            "Rookvrije generatie",
            "Slaap en stress bij studenten",
            "Mantelzorg in beeld",
            "Gezondheidsverschillen verkleinen",
            "Beweegroutes voor iedereen",
            "Voeding en armoede",
        ],
        "nouns": [
            "gezondheid",
            "welzijn",
            "huisartsen",
            "wijkverpleging",
            "voeding",
            "beweging",
            "eenzaamheid",
            "mantelzorgers",
            "ouderen",
            "jongeren",
            "leefstijl",
            "zorg",
            "preventie",
            "sportverenigingen",
            "diëtisten",
            "fysiotherapeuten",
        ],
    },
    "biodiversiteit-duurzaamheid": {
        "topics": [
            "Groene schoolpleinen",
            "Wadi's en regenwater",
            "Voedselbos",
            "Insectenhotels",
            "Stadslab luchtkwaliteit",
            "Warmtenet",
            "Tiny forest",
            "Geveltuinen",
            "Bomen tellen",
            "Klimaatadaptieve straten",
            "Energiecoaches",
            "Vlinders in de stad",
            "Groene daken",
            "Singelpark natuur",
        ],
        "nouns": [
            "biodiversiteit",
            "bomen",
            "insecten",
            "vogels",
            "regenwater",
            "hittestress",
            "energie",
            "isolatie",
            "zonnepanelen",
            "groen",
            "vergroening",
            "klimaat",
            "bodem",
            "bijen",
            "moestuinen",
            "afval",
        ],
    },
    "cultureel-erfgoed": {
        "topics": [
            "Erfgoed op straat",
            "Verhalen van de Singel",
            "Museum in de klas",
            "Molens van Leiden",
            "Archeologie in de achtertuin",
            "Hofjes en hun bewoners",
            "Collecties buiten de muren",
            "Gevelstenen ontcijferen",
            "Pelgrims en Leiden",
            "Rembrandt in de wijk",
            "Monumenten digitaal",
            "Archief van de buurt",
            "Naturalis op reis",
            "Stadswandeling langs de grachten",
        ],
        "nouns": [
            "erfgoed",
            "monumenten",
            "collecties",
            "musea",
            "archieven",
            "verhalen",
            "archeologie",
            "molens",
            "hofjes",
            "grachten",
            "gevelstenen",
            "tentoonstellingen",
            "restauratie",
            "kunst",
            "geschiedenis",
            "beeldmateriaal",
        ],
    },
}
SHARED_NOUNS = [
    "bewoners",
    "studenten",
    "onderzoekers",
    "docenten",
    "leerlingen",
    "buurthuis",
    "wijkcentrum",
    "ondernemers",
    "vrijwilligers",
    "gemeente",
    "kinderen",
    "gezinnen",
    "nieuwkomers",
]
AUDIENCES = [
    "voor kinderen",
    "met ouderen",
    "door studenten",
    "met bewoners",
    "voor de hele wijk",
    "in het buurthuis",
    "op de basisschool",
    "met het mbo",
    "samen met de bibliotheek",
]
SENTENCES = [
    "{Nouns} en {nouns2} werken samen aan een concrete vraag uit {place}.",
    "Het project loopt een semester en begint met een bijeenkomst in {place}.",
    "De resultaten over {nouns} worden gedeeld in een open dataset en een korte film.",
    "Studenten van mbo, hbo en universiteit vormen gemengde teams rond {nouns}.",
    "De gemeente gebruikt de uitkomsten over {nouns} bij het nieuwe wijkplan voor {place}.",
    "Er wordt gemeten, gepraat en samen gebouwd, met aandacht voor {nouns} en {nouns2}.",
    "In {place} ontbreekt kennis over {nouns}; dit project brengt die samen.",
    "Onderzoekers volgen twee jaar lang wat er verandert voor {nouns2} in {place}.",
    "Een werkplaats met {nouns} levert ideeën op die de wijk zelf kan uitvoeren.",
    "De aanpak is eerder beproefd in andere steden van de City Deal Kennis Maken.",
    "Elke maand is er een open middag waar iedereen kan aanschuiven.",
    "Het Kenniswinkel-team verzamelt vragen van {nouns2} en koppelt ze aan onderwijs.",
]
SCHOOL_SENTENCES = [
    "Leerlingen van een school in {place} doen mee als onderzoekers.",
    "De school stelt het plein en de gymzaal beschikbaar voor de proeven.",
    "Samen met de school ontwikkelen docenten lessen over {nouns}.",
    "Na schooltijd komen ouders en kinderen naar de school om mee te doen.",
]
ORGANISATION_PATTERNS = [
    ("Stichting {word} {place}", "maatschappelijk"),
    ("Buurtvereniging {place}", "bewonersinitiatief"),
    ("Bewonerscommissie {place}", "bewonersinitiatief"),
    ("Huisartsenpraktijk {place}", "maatschappelijk"),
    ("Sportvereniging {word} {place}", "maatschappelijk"),
    ("Basisschool De {word}", "onderwijs"),
    ("Kindcentrum {word} {place}", "onderwijs"),
    ("Atelier {word}", "erfgoed-cultuur"),
    ("Historische Vereniging {place}", "erfgoed-cultuur"),
    ("Museum {word}", "erfgoed-cultuur"),
    ("{word} Advies", "bedrijf"),
    ("Bureau {word} & {word2}", "bedrijf"),
    ("Coöperatie {word} {place}", "bedrijf"),
    ("Energiecoöperatie {place}", "bedrijf"),
    ("Onderzoeksgroep {word}", "kennisinstelling"),
    ("Lectoraat {word}", "kennisinstelling"),
    ("Wijkteam {place}", "gemeente"),
]
ORGANISATION_WORDS = [
    "Regenboog",
    "Zonnebloem",
    "Vlinder",
    "Molen",
    "Singel",
    "Hofje",
    "Linde",
    "Kastanje",
    "Horizon",
    "Brug",
    "Haven",
    "Lakenhal",
    "Sleutel",
    "Ooievaar",
    "Rijn",
    "Vliet",
    "Polder",
    "Tuin",
    "Duin",
    "Veste",
    "Burcht",
    "Leeuw",
    "Gracht",
    "Toren",
    "Klaproos",
    "Wilg",
    "Eik",
    "Beuk",
]
RESULT_KINDS = ["publicatie", "product", "dataset", "evenement", "rapport"]
RESULT_TITLES = [
    "Eindrapport {topic}",
    "Dataset {nouns}",
    "Bijeenkomst over {nouns}",
    "Handreiking {topic}",
    "Artikel: {topic} in {place}",
]
STATUSES = (["lopend"] * 5) + (["afgerond"] * 3) + (["idee"] * 2)
PARTNER_ROLES = ["partner", "kennispartner", "financier", "onderwijspartner", "adviseur"]


def parse_arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL"),
        help="the database to fill (default: $DATABASE_URL); a SQLite file is made if needed",
    )
    parser.add_argument("--projects", type=int, default=10_000, help="how many (default 10000)")
    parser.add_argument("--organisations", type=int, default=400, help="extra organisations")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument(
        "--force", action="store_true", help="generate again even when a matching one exists"
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bars (for logs and CI)"
    )
    arguments = parser.parse_args()
    if not arguments.database_url:
        parser.error("give --database-url or set DATABASE_URL")
    if arguments.projects < 1:
        parser.error("--projects must be at least 1")
    return arguments


def sqlite_path(database_url: str) -> Path | None:
    """The file of a SQLite database URL, or None for other databases."""
    if not database_url.startswith("sqlite:"):
        return None
    path = urlparse(database_url).path
    # sqlite:////abs/path gives //abs/path; sqlite:///rel/path gives /rel/path.
    if path.startswith("//"):
        return Path(path[1:])
    return ROOT / path.lstrip("/")


def set_up_django(database_url: str) -> None:
    """Configure Django for `database_url`, with DEBUG off so no query log grows."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "kennisstad.settings"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def wanted_generation(arguments: argparse.Namespace) -> dict:
    """What a reusable database must have been generated with: N, seed and the schema."""
    from django.core.management import get_commands
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    migrations = sorted(f"{app}.{name}" for app, name in loader.disk_migrations)
    return {
        "generator_version": GENERATOR_VERSION,
        "projects": arguments.projects,
        "organisations": arguments.organisations,
        "seed": arguments.seed,
        "schema": hashlib.sha256("\n".join(migrations).encode()).hexdigest()[:16],
        "search_index": "rebuild_search_index" in get_commands(),
    }


def stored_generation() -> dict | None:
    """The generation recorded in the database, or None when there is none."""
    from django.db import connection

    if MARKER_TABLE not in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT description FROM {MARKER_TABLE}")  # noqa: S608 - constant
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def record_generation(generation: dict) -> None:
    """Remember in the database what was generated, for the next run."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {MARKER_TABLE}")
        cursor.execute(f"CREATE TABLE {MARKER_TABLE} (description TEXT NOT NULL)")
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (description) VALUES (%s)",  # noqa: S608 - constant
            [json.dumps(generation, sort_keys=True)],
        )


def database_is_empty() -> bool:
    """True when the database holds no tables at all."""
    from django.db import connection

    return not connection.introspection.table_names()


def empty_postgres_database() -> None:
    """Drop everything in the public schema (a mismatching earlier generation)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")


def postgres_dump_path(generation: dict) -> Path:
    """Where the pg_dump of a generation is kept."""
    key = hashlib.sha256(json.dumps(generation, sort_keys=True).encode()).hexdigest()[:12]
    return CACHE_DIR / f"postgres-{generation['projects']}-{key}.dump"


def postgres_environment(database_url: str) -> tuple[list[str], dict]:
    """Connection arguments and environment for pg_dump and pg_restore."""
    parts = urlparse(database_url)
    environment = dict(os.environ, PGPASSWORD=parts.password or "")
    arguments = [
        "-h",
        parts.hostname or "127.0.0.1",
        "-p",
        str(parts.port or 5432),
        "-U",
        parts.username or "postgres",
        "-d",
        parts.path.lstrip("/"),
    ]
    return arguments, environment


def restore_postgres_dump(database_url: str, dump: Path) -> bool:
    """Restore a cached generation into an empty PostgreSQL database; False if that failed."""
    if not dump.exists() or not shutil.which("pg_restore"):
        return False
    arguments, environment = postgres_environment(database_url)
    done = subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "-j", "2", *arguments, str(dump)],
        env=environment,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        print(f"pg_restore failed, generating instead:\n{done.stderr[-2000:]}", file=sys.stderr)
        empty_postgres_database()
        return False
    with_analyze(database_url)
    return True


def save_postgres_dump(database_url: str, dump: Path) -> None:
    """Keep a pg_dump of the generated database for the next throwaway cluster."""
    if not shutil.which("pg_dump"):
        return
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    arguments, environment = postgres_environment(database_url)
    partial = dump.with_suffix(".partial")
    done = subprocess.run(
        ["pg_dump", "-Fc", "-Z", "1", "--no-owner", *arguments, "-f", str(partial)],
        env=environment,
        capture_output=True,
        text=True,
    )
    if done.returncode == 0:
        partial.replace(dump)
        for old in CACHE_DIR.glob(f"postgres-{dump.name.split('-')[1]}-*.dump"):
            if old != dump:
                old.unlink()
    else:
        partial.unlink(missing_ok=True)
        print(f"pg_dump failed; no cache kept:\n{done.stderr[-2000:]}", file=sys.stderr)


def with_analyze(database_url: str) -> None:
    """On PostgreSQL, refresh the planner statistics as autovacuum would soon do.

    SQLite is left without ANALYZE on purpose: a deployed SQLite database has no statistics
    either unless someone runs it, and the benchmark should see the plans production sees.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _sentence(rng: random.Random, template: str, nouns: list[str], places: list[str]) -> str:
    first, second = rng.sample(nouns, 2)
    return template.format(
        Nouns=first.capitalize(), nouns=first, nouns2=second, place=rng.choice(places)
    )


def make_organisations(rng: random.Random, count: int, places: list[str]):
    """`count` organisations with unique names (any case) and slugs."""
    from django.utils.text import slugify

    from organisations.models import Organisation

    taken_names = {name.lower() for name in Organisation.objects.values_list("name", flat=True)}
    taken_slugs = set(Organisation.objects.values_list("slug", flat=True))
    organisations = []
    attempts = 0
    while len(organisations) < count:
        attempts += 1
        pattern, kind = rng.choice(ORGANISATION_PATTERNS)
        word, word2 = rng.sample(ORGANISATION_WORDS, 2)
        name = pattern.format(word=word, word2=word2, place=rng.choice(places))
        if name.lower() in taken_names:
            if attempts < count * 20:
                continue
            name = f"{name} {len(organisations) + 1}"
        slug = slugify(name)[:190] or "organisatie"
        while slug in taken_slugs:
            slug = f"{slug}-{rng.randint(2, 99999)}"
        taken_names.add(name.lower())
        taken_slugs.add(slug)
        organisations.append(
            Organisation(
                name=name,
                slug=slug,
                kind=kind,
                description=f"{name} werkt mee aan projecten in Leiden.",
                website=f"https://{slug}.example.nl/",
            )
        )
    return organisations


def generate(arguments: argparse.Namespace, progress) -> dict[str, int]:
    """Insert the organisations and projects with their relations; return the counts."""
    from django.db import transaction
    from django.utils.text import slugify

    from organisations.models import Organisation
    from portfolio.models import (
        Neighbourhood,
        Programme,
        Project,
        ProjectLink,
        ProjectPartner,
        Result,
    )

    rng = random.Random(arguments.seed)
    programme = Programme.objects.get(slug="leiden-kennisstad")
    themes = list(programme.themes.order_by("order"))
    flagships = list(programme.flagships.order_by("order"))
    neighbourhoods = list(Neighbourhood.objects.order_by("code"))
    places = [n.name for n in neighbourhoods] or ["Leiden"]

    counts: dict[str, int] = {}
    with transaction.atomic():
        new_organisations = make_organisations(rng, arguments.organisations, places)
        Organisation.objects.bulk_create(new_organisations, batch_size=BATCH_SIZE)
        organisations = list(Organisation.objects.order_by("pk"))
        core = [o.pk for o in organisations if o.is_core_partner] or [organisations[0].pk]
        others = [o.pk for o in organisations if not o.is_core_partner]
        counts["organisations"] = len(organisations)

        theme_words = {
            t.pk: THEME_WORDS.get(t.slug, THEME_WORDS["gezondheid-welzijn"]) for t in themes
        }
        first_start = date(2015, 1, 1).toordinal()
        last_start = date(2029, 6, 30).toordinal()
        latest_end = date(2030, 12, 31).toordinal()
        neighbourhood_ids = [n.pk for n in neighbourhoods]
        through = {
            "secondary_themes": Project.secondary_themes.through,
            "flagships": Project.flagships.through,
            "neighbourhoods": Project.neighbourhoods.through,
        }
        for name in [*through, "partners", "links", "results", "projects"]:
            counts[name] = 0

        bar = progress(total=arguments.projects, desc="projecten", unit="project")
        for batch_start in range(0, arguments.projects, BATCH_SIZE):
            batch_size = min(BATCH_SIZE, arguments.projects - batch_start)
            projects, plans = [], []
            for offset in range(batch_size):
                number = batch_start + offset + 1
                theme = rng.choice(themes)
                words = theme_words[theme.pk]
                topic = rng.choice(words["topics"])
                nouns = words["nouns"] + SHARED_NOUNS
                place = rng.choice(places)
                is_citywide = rng.random() < 0.2 or not neighbourhood_ids
                where = "Leiden" if is_citywide else place
                title = f"{topic} {rng.choice(AUDIENCES)} in {where}"[:200]
                has_school = rng.random() < 0.33
                summary_parts = [_sentence(rng, rng.choice(SENTENCES), nouns, places)]
                if has_school:
                    summary_parts.append(
                        _sentence(rng, rng.choice(SCHOOL_SENTENCES), nouns, places)
                    )
                summary_parts.append(_sentence(rng, rng.choice(SENTENCES), nouns, places))
                summary = " ".join(summary_parts)[:600]
                paragraphs = []
                for _ in range(rng.randint(2, 4)):
                    templates = rng.sample(SENTENCES, rng.randint(2, 4))
                    if has_school and rng.random() < 0.5:
                        templates.append(rng.choice(SCHOOL_SENTENCES))
                    paragraphs.append(" ".join(_sentence(rng, t, nouns, places) for t in templates))
                start = rng.randint(first_start, last_start)
                end = (
                    None if rng.random() < 0.15 else min(start + rng.randint(90, 1460), latest_end)
                )
                status = rng.choice(STATUSES)
                slug = f"{slugify(title)[:200]}-{number}"
                projects.append(
                    Project(
                        programme=programme,
                        title=title,
                        slug=slug,
                        summary=summary,
                        description="\n\n".join(paragraphs),
                        primary_theme=theme,
                        is_citywide=is_citywide,
                        status=status,
                        start_date=date.fromordinal(start),
                        end_date=date.fromordinal(end) if end else None,
                        website=f"https://projecten.example.nl/{slug}"
                        if rng.random() < 0.4
                        else "",
                        publication=Project.Publication.PUBLISHED,
                    )
                )
                plans.append(
                    {
                        "secondary": rng.sample(
                            [t.pk for t in themes if t.pk != theme.pk],
                            min(rng.choice([0, 0, 1, 1, 2]), len(themes) - 1),
                        ),
                        "flagships": rng.sample(
                            [f.pk for f in flagships],
                            min(rng.choice([0, 0, 0, 1, 1, 2]), len(flagships)),
                        ),
                        "neighbourhoods": []
                        if is_citywide
                        else rng.sample(neighbourhood_ids, rng.randint(1, 3)),
                        "lead": rng.choice(core)
                        if rng.random() < 0.5
                        else rng.choice(others or core),
                        "partners": rng.randint(1, 3),
                        "links": rng.choice([0, 0, 1, 2]),
                        "results": rng.choice([0, 0, 0, 1, 2, 3]),
                        "topic": topic,
                        "nouns": nouns,
                        "start": start,
                    }
                )
            Project.objects.bulk_create(projects, batch_size=BATCH_SIZE)

            rows = {name: [] for name in through}
            partners, links, results = [], [], []
            for project, plan in zip(projects, plans, strict=True):
                rows["secondary_themes"] += [
                    through["secondary_themes"](project_id=project.pk, theme_id=t)
                    for t in plan["secondary"]
                ]
                rows["flagships"] += [
                    through["flagships"](project_id=project.pk, flagship_id=f)
                    for f in plan["flagships"]
                ]
                rows["neighbourhoods"] += [
                    through["neighbourhoods"](project_id=project.pk, neighbourhood_id=n)
                    for n in plan["neighbourhoods"]
                ]
                partners.append(
                    ProjectPartner(
                        project_id=project.pk, organisation_id=plan["lead"], role="trekker"
                    )
                )
                chosen = {plan["lead"]}
                while len(chosen) < plan["partners"] + 1:
                    candidate = (
                        rng.choice(core) if rng.random() < 0.3 else rng.choice(others or core)
                    )
                    if candidate in chosen:
                        continue
                    chosen.add(candidate)
                    partners.append(
                        ProjectPartner(
                            project_id=project.pk,
                            organisation_id=candidate,
                            role=rng.choice(PARTNER_ROLES),
                        )
                    )
                for order in range(plan["links"]):
                    links.append(
                        ProjectLink(
                            project_id=project.pk,
                            label=rng.choice(["Projectpagina", "Nieuwsbericht", "Video", "Blog"]),
                            url=f"https://nieuws.example.nl/{project.slug}/{order + 1}",
                            order=order,
                        )
                    )
                for number in range(plan["results"]):
                    template = rng.choice(RESULT_TITLES)
                    results.append(
                        Result(
                            project_id=project.pk,
                            kind=rng.choice(RESULT_KINDS),
                            title=_sentence(
                                rng,
                                template.replace("{topic}", plan["topic"]),
                                plan["nouns"],
                                places,
                            )[:300],
                            url=f"https://resultaten.example.nl/{project.pk}/{number + 1}",
                            date=date.fromordinal(plan["start"] + rng.randint(30, 900)),
                        )
                    )
            for name, model in through.items():
                model.objects.bulk_create(rows[name], batch_size=BATCH_SIZE)
                counts[name] += len(rows[name])
            ProjectPartner.objects.bulk_create(partners, batch_size=BATCH_SIZE)
            ProjectLink.objects.bulk_create(links, batch_size=BATCH_SIZE)
            Result.objects.bulk_create(results, batch_size=BATCH_SIZE)
            counts["partners"] += len(partners)
            counts["links"] += len(links)
            counts["results"] += len(results)
            counts["projects"] += len(projects)
            bar.update(batch_size)
        bar.close()
    return counts


def main() -> None:
    arguments = parse_arguments()
    sqlite_file = sqlite_path(arguments.database_url)
    if sqlite_file is not None:
        sqlite_file.parent.mkdir(parents=True, exist_ok=True)
    set_up_django(arguments.database_url)

    from functools import partial

    from django.core.management import call_command, get_commands
    from django.db import connection, connections
    from tqdm import tqdm

    progress = partial(tqdm, file=sys.stderr, disable=arguments.no_progress)
    wanted = wanted_generation(arguments)
    started = time.perf_counter()

    if not arguments.force and stored_generation() == wanted:
        # Tables outside the migrations (the database cache) may be new since last time.
        call_command("createcachetable", verbosity=0)
        print(f"Reusing {arguments.projects} generated projects in {arguments.database_url}.")
        return
    if not database_is_empty():
        print("The database holds something else; starting from an empty one.")
        if sqlite_file is not None:
            connections.close_all()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
        elif connection.vendor == "postgresql":
            empty_postgres_database()
        else:
            sys.exit("Give an empty database: only SQLite and PostgreSQL can be emptied here.")

    dump = postgres_dump_path(wanted) if connection.vendor == "postgresql" else None
    if (
        dump is not None
        and not arguments.force
        and restore_postgres_dump(arguments.database_url, dump)
    ):
        connections.close_all()
        if stored_generation() == wanted:
            call_command("createcachetable", verbosity=0)
            print(
                f"Restored {arguments.projects} generated projects from {dump.relative_to(ROOT)}"
                f" in {time.perf_counter() - started:.1f} s."
            )
            return
        empty_postgres_database()

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)  # as a deployment does after migrate
    call_command("load_programme", verbosity=0)
    counts = generate(arguments, progress)
    generated = time.perf_counter()
    print(
        f"Generated in {generated - started:.1f} s: "
        + ", ".join(f"{value} {name}" for name, value in counts.items())
    )
    if "rebuild_search_index" in get_commands():
        print("Rebuilding the search index (rebuild_search_index) …")
        call_command("rebuild_search_index", verbosity=0, no_progress=arguments.no_progress)
        print(f"Search index rebuilt in {time.perf_counter() - generated:.1f} s.")
    with_analyze(arguments.database_url)
    record_generation(wanted)
    if dump is not None:
        connections.close_all()
        save_postgres_dump(arguments.database_url, dump)
    print(f"Done in {time.perf_counter() - started:.1f} s.")


if __name__ == "__main__":
    main()
