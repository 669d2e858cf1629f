"""Build the resident-style evaluation set from the content in the database (`make data`).

    .venv/bin/python bench/search_eval/build_resident_set.py bench/search_eval/residents

Writes `corpus.jsonl` (the published projects: title, summary, text, the names the site shows
with them as keywords, and the partners' names), `queries.tsv` and `qrels.tsv`. What is
relevant follows from the data itself, not from what any system returns:

- theme, flagship, partner, area: every project filed under the named theme (grade 2; 1 as
  a secondary theme), flagship, partner (2 as lead, else 1) or neighbourhood/district;
- part: a word and the projects whose text has it whole (2) or as head or modifier of a
  longer word (1): `tuinen` for geveltuinen and tuinenplan;
- typo: as the correctly spelled query;
- synonym and collision: a judging pattern (regular expression on the normalised text,
  written by hand in PATTERN_QUERIES), grade 2 in the title, 1 in the text. The synonym
  patterns were written with the thesaurus in view, so they measure whether the thesaurus
  does what it says, not how complete it is.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisstad.settings")

import django  # noqa: E402

django.setup()

from portfolio import selectors  # noqa: E402
from portfolio.models import (  # noqa: E402
    District,
    Flagship,
    Neighbourhood,
    Organisation,
    Project,
    ProjectPartner,
    Theme,
)
from portfolio.search_index import project_keywords  # noqa: E402
from search.analysis import normalise  # noqa: E402

PART_WORDS = ["fietsen", "tuinen", "pleinen", "wandelingen", "school", "water", "klimaat", "stad"]
TYPOS = {
    "biodiversitiet": "theme:biodiversiteit-duurzaamheid",
    "erfgoeed": "theme:cultureel-erfgoed",
    "welzjin": "theme:gezondheid-welzijn",
    "Naturallis": "partner:Naturalis Biodiversity Center",
    "Universitijt Leiden": "partner:Universiteit Leiden",
}
PATTERN_QUERIES = [
    ("synonym", "leefstijl", r"gezond eten|gezonde|bewegen|beweeg|sport|voeding|koken|rookvrij"),
    ("synonym", "klimaat", r"klimaat|hitte|wateroverlast|droogte|energietransitie|warmtenet"),
    ("synonym", "senioren", r"\bouderen\b|\boudere\b|senioren"),
    ("synonym", "eenzaamheid", r"eenza|ontmoet"),
    ("synonym", "groen", r"\bgroen|vergroen|\bbomen\b|geveltuin|minibos"),
    ("collision", "ouderen", r"\bouderen\b|\boudere\b|senioren"),
    ("collision", "ouders", r"\bouders?\b(?!en)"),
    ("collision", "zorg", r"\bzorg\b|\bzorg(?!en\b)[a-z]+|[a-z]+zorg(?!en\b)[a-z]*\b"),
    ("collision", "zon", r"\bzon\b|\bzonne"),
]


def document(project: Project) -> dict:
    return {
        "id": str(project.pk),
        "title": project.title,
        "summary": project.summary,
        "text": project.description,
        "keywords": project_keywords(project),
        "partners": "\n".join(p.organisation.name for p in project.partners.all()),
    }


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/search_eval/residents")
    out.mkdir(parents=True, exist_ok=True)
    projects = list(
        selectors.published_projects()
        .select_related("primary_theme")
        .prefetch_related(
            "partners__organisation", "secondary_themes", "flagships", "neighbourhoods__district"
        )
        .order_by("pk")
    )
    corpus = [document(project) for project in projects]
    words = {
        str(p.pk): set(normalise(f"{p.title} {p.summary} {p.description}").split())
        for p in projects
    }
    queries: list[tuple[str, str, str]] = []
    qrels: dict[str, dict[str, int]] = {}

    def add(kind: str, text: str, relevant: dict[str, int]) -> None:
        if relevant and text not in {q[2] for q in queries}:
            query_id = f"r{len(queries) + 1:02d}"
            queries.append((query_id, kind, text))
            qrels[query_id] = relevant

    def filed(**lookup) -> set[str]:
        return {str(pk) for pk in Project.objects.filter(**lookup).values_list("pk", flat=True)}

    public = {doc["id"] for doc in corpus}
    by_name: dict[str, dict[str, int]] = {}
    for theme in Theme.objects.order_by("order"):
        relevant = {pk: 1 for pk in filed(secondary_themes=theme) & public}
        relevant |= {pk: 2 for pk in filed(primary_theme=theme) & public}
        by_name[f"theme:{theme.slug}"] = relevant
        add("theme", theme.name, relevant)
        for word in theme.name.split():
            if len(word) >= 5:
                add("theme", word.lower(), relevant)
    for flagship in Flagship.objects.order_by("order"):
        relevant = {pk: 2 for pk in filed(flagships=flagship) & public}
        add("flagship", flagship.name, relevant)
        if "(" in flagship.name:  # Leiden Education Fieldlab (Het LEF)
            short = flagship.name.split("(")[1].rstrip(")")
            add("flagship", short, relevant)
            add("flagship", flagship.name.split("(")[0].replace("Leiden", "").strip(), relevant)
    for organisation in Organisation.objects.order_by("name"):
        relevant = {pk: 1 for pk in filed(partners__organisation=organisation) & public}
        relevant |= {
            pk: 2
            for pk in filed(
                partners__organisation=organisation, partners__role=ProjectPartner.Role.LEAD
            )
            & public
        }
        by_name[f"partner:{organisation.name}"] = relevant
        add("partner", organisation.name, relevant)
    for district in District.objects.order_by("code"):
        add(
            "area",
            district.name,
            {pk: 2 for pk in filed(neighbourhoods__district=district) & public},
        )
    for neighbourhood in Neighbourhood.objects.order_by("code"):
        add(
            "area",
            neighbourhood.name,
            {pk: 2 for pk in filed(neighbourhoods=neighbourhood) & public},
        )
    for word in PART_WORDS:
        relevant = {}
        for pk, found in words.items():
            if word in found:
                relevant[pk] = 2
            elif any(
                w != word and (w.endswith(word) or w.startswith(word)) and len(w) >= len(word) + 3
                for w in found
            ):
                relevant[pk] = 1
        add("part", word, relevant)
    for typo, target in TYPOS.items():
        add("typo", typo, by_name[target])
    for kind, text, pattern in PATTERN_QUERIES:
        expression = re.compile(pattern)
        relevant = {}
        for project in projects:
            if expression.search(normalise(project.title)):
                relevant[str(project.pk)] = 2
            elif expression.search(normalise(f"{project.summary} {project.description}")):
                relevant[str(project.pk)] = 1
        add(kind, text, relevant)

    with (out / "corpus.jsonl").open("w", encoding="utf-8") as handle:
        for doc in corpus:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    with (out / "queries.tsv").open("w", encoding="utf-8") as handle:
        handle.write(
            "# Built by bench/search_eval/build_resident_set.py from the make-run content\n"
        )
        for row in queries:
            handle.write("\t".join(row) + "\n")
    with (out / "qrels.tsv").open("w", encoding="utf-8") as handle:
        for query_id, relevant in qrels.items():
            for pk, grade in sorted(relevant.items(), key=lambda item: int(item[0])):
                handle.write(f"{query_id}\t{pk}\t{grade}\n")
    judged = sum(map(len, qrels.values()))
    print(f"{len(corpus)} projects, {len(queries)} queries, {judged} judgements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
