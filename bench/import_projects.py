"""Benchmark of `manage.py import_projects`: N generated rows into a throwaway SQLite database.

    .venv/bin/python bench/import_projects.py --rows 10000 --repeat 3   (or: make bench-import)

Loads the Leiden Kennisstad programme (themes, flagships, core partners, CBS areas) into a
fresh SQLite file in a temporary directory, writes N realistic-looking rows to a CSV, and
times three imports of it: a fresh import, a re-import of the same file (no changes), and an
import in which every row is edited. Prints seconds, rows per second and queries for each, as
the median of --repeat runs. Runs with DEBUG off, as in production.
"""

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOPICS = [
    "Gezond ouder worden",
    "Groene schoolpleinen",
    "Wadi's en regenwater",
    "Erfgoed op straat",
    "Bewegen in de buurt",
    "Voedselbos",
    "Eenzaamheid onder jongeren",
    "Stadslab luchtkwaliteit",
    "Verhalen van de Singel",
    "Insectenhotels",
    "Digitale vaardigheden",
    "Warmtenet",
    "Museum in de klas",
    "Gezonde schoolkantine",
    "Stille plekken",
    "Tiny forest",
]
SENTENCES = [
    "Bewoners, studenten en onderzoekers werken samen aan een concrete vraag uit de wijk.",
    "Het project loopt een semester en begint met een bijeenkomst in het buurthuis.",
    "De resultaten worden gedeeld in een open dataset en een korte film.",
    "Studenten van mbo, hbo en universiteit vormen gemengde teams.",
    "De gemeente gebruikt de uitkomsten bij het nieuwe wijkplan.",
    "Erfgoedcollecties komen buiten de muren van het museum.",
    "Er wordt gemeten, gepraat en samen gebouwd.",
]
EXTRA_ORGANISATIONS = [
    "Stichting Groen Leiden",
    "Buurtvereniging De Kooi",
    "Huisartsenpraktijk Stevenshof",
    "Sportvereniging Roomburg",
    "Bibliotheek Leiden",
    "Stichting Erfgoed Leiden",
    "Museum De Lakenhal",
    "Rijksmuseum van Oudheden",
    "Woningcorporatie Portaal",
    "Het Leids Kunstencentrum",
    "Energiecoöperatie Leiden",
    "Scholengroep Leiden",
]
ROLES = ["kennispartner", "financier", "onderwijspartner", "adviseur", "partner"]


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows in the file (10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the median is shown (3)")
    parser.add_argument("--seed", type=int, default=546, help="random seed for the rows")
    return parser.parse_args()


def set_up_django(directory: Path) -> None:
    # Before django.setup(): the settings read these once.
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'bench.sqlite3'}"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "kennisstad.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def generate_rows(count: int, *, seed: int, edited: bool = False) -> list[dict[str, str]]:
    """Rows like the programme office's list; `edited` changes a field and a relation in each."""
    from organisations.models import Organisation
    from portfolio.models import Flagship, Neighbourhood, Theme

    rng = random.Random(seed)
    themes = list(Theme.objects.values_list("name", flat=True))
    flagships = list(Flagship.objects.values_list("slug", flat=True))
    places = list(Neighbourhood.objects.values_list("code", "name", "latitude", "longitude"))
    organisations = list(Organisation.objects.values_list("name", flat=True))
    organisations += EXTRA_ORGANISATIONS
    rows = []
    for number in range(1, count + 1):
        theme = rng.choice(themes)
        chosen_places = rng.sample(places, rng.randint(0, 3))
        organisations_in_row = rng.sample(organisations, rng.randint(1, 5))
        start = date(2020, 1, 1) + timedelta(days=rng.randint(0, 2000))
        place = chosen_places[0] if chosen_places else None
        row = {
            "external_id": f"PB-{number:05d}",
            # Titles repeat on purpose: their slugs must still come out unique.
            "title": f"{rng.choice(TOPICS)} {place[1] if place else 'in Leiden'}",
            "summary": "" if rng.random() < 0.1 else rng.choice(SENTENCES),
            "description": "\n".join(rng.sample(SENTENCES, 3)),
            "theme": theme,
            "secondary_themes": rng.choice(["", *[t for t in themes if t != theme]]),
            "flagships": "; ".join(rng.sample(flagships, rng.randint(0, 2))),
            "lead_organisation": organisations_in_row[0],
            "partners": "; ".join(
                f"{name} ({rng.choice(ROLES)})" if rng.random() < 0.3 else name
                for name in organisations_in_row[1:]
            ),
            "neighbourhoods": "stadsbreed"
            if rng.random() < 0.15
            else "; ".join(
                code if rng.random() < 0.5 else name for code, name, *_ in chosen_places
            ),
            "status": rng.choice(["idee", "lopend", "afgerond"]),
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=rng.randint(30, 900))).isoformat(),
            "website": f"https://www.example.nl/projecten/{number}" if rng.random() < 0.5 else "",
            "latitude": f"{place[2]:.5f}" if place and place[2] else "",
            "longitude": f"{place[3]:.5f}" if place and place[3] else "",
        }
        if edited:
            row["title"] += " (fase 2)"
            row["flagships"] = "" if row["flagships"] else flagships[0]
        rows.append(row)
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        from portfolio.importing import COLUMNS

        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def timed_import(path: Path) -> tuple[float, int, object]:
    """Import `path`; return seconds, number of queries and the result."""
    from django.db import connection

    from portfolio.importing import import_projects

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        result = import_projects(file=path)
        seconds = time.perf_counter() - started
    if result.errors:
        sys.exit("The import failed:\n" + "\n".join(map(str, result.errors[:20])))
    return seconds, queries, result


def remove_imported_data(keep_organisations: set[int]) -> None:
    from organisations.models import Organisation
    from portfolio.models import Project

    Project.objects.all().delete()
    Organisation.objects.exclude(pk__in=keep_organisations).delete()


def main() -> None:
    arguments = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as name:
        directory = Path(name)
        set_up_django(directory)
        import sqlite3

        from django.core.management import call_command

        from organisations.models import Organisation
        from portfolio.loaders import load_programme

        call_command("migrate", verbosity=0)
        load_programme()
        keep = set(Organisation.objects.values_list("pk", flat=True))
        plain = write_csv(
            directory / "projecten.csv", generate_rows(arguments.rows, seed=arguments.seed)
        )
        edited = write_csv(
            directory / "projecten-bewerkt.csv",
            generate_rows(arguments.rows, seed=arguments.seed, edited=True),
        )

        runs: dict[str, list[tuple[float, int]]] = {"fresh": [], "same": [], "edited": []}
        for run in range(arguments.repeat):
            if run:
                remove_imported_data(keep)
            for label, path in (("fresh", plain), ("same", plain), ("edited", edited)):
                seconds, queries, result = timed_import(path)
                runs[label].append((seconds, queries))
                print(
                    f"  run {run + 1} {label:6} {seconds:6.2f} s  {result.summary()}",
                    file=sys.stderr,
                )

        print(
            f"Import of {arguments.rows} rows, median of {arguments.repeat} run(s); "
            f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}"
        )
        for label, text in (
            ("fresh", "fresh import      "),
            ("same", "re-import, same   "),
            ("edited", "every row edited  "),
        ):
            seconds = statistics.median(s for s, _ in runs[label])
            queries = statistics.median(q for _, q in runs[label])
            print(
                f"  {text} {seconds:7.2f} s  {arguments.rows / seconds:8.0f} rows/s  "
                f"{queries:6.0f} queries"
            )


if __name__ == "__main__":
    main()
