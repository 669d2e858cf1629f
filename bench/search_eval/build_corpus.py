"""Derive the search evaluation corpus (JSON lines) from the shared data folder.

Usage: python bench/search_eval/build_corpus.py /work/shared/data > corpus.jsonl

Documents:
- ``bp:<plan>:<n>`` — one section of a Leiden zoning-plan explanation (leiden-bestemmingsplannen):
  the text between one heading and the next, titled "plan — chapter — section". Sections with
  fewer than MIN_WORDS words of body are left out.
- ``cs:<n>`` — one Dutch citizen-science project (citizen-science-nl, row n counted from 1):
  name, description, organisation and location.

The output is deterministic for the same input, so the document ids in qrels.tsv stay valid.
"""

import csv
import json
import re
import sys
from pathlib import Path

MIN_WORDS = 20
HEADING = re.compile(r"^(#{3,6})\s+(.*)$")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|=<>~\"'])")


def fix_mojibake(line: str) -> str:
    """Undo UTF-8 read as Latin-1 (geÃ¯nformeerd) or Mac Roman (Amfibie√´n) in the sources."""
    for marks, encoding in (("Ãâ", "latin-1"), ("√", "mac_roman")):
        if any(mark in line for mark in marks):
            try:
                return line.encode(encoding).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
    return line


def clean(line: str) -> str:
    """Remove markdown escapes and mojibake from one line."""
    return MARKDOWN_ESCAPE.sub(r"\1", fix_mojibake(line)).strip()


def zoning_plan_sections(folder: Path):
    """Yield one document per section of every zoning-plan explanation."""
    with (folder / "index.csv").open(encoding="utf-8") as handle:
        plans = list(csv.DictReader(handle))
    for plan in plans:
        name = clean(plan["plan"])
        code = plan["imro_id"].removeprefix("NL.IMRO.0546.")
        lines = (folder / plan["file"]).read_text(encoding="utf-8").splitlines()
        # The body starts at the first real heading; what comes before is navigation.
        start = next(i for i, line in enumerate(lines) if HEADING.match(line))
        path: dict[int, str] = {}
        sections: list[tuple[int, str, list[str]]] = []
        for line in lines[start:]:
            match = HEADING.match(line)
            if match:
                level = len(match.group(1))
                path = {depth: text for depth, text in path.items() if depth < level}
                path[level] = clean(match.group(2))
                title = " — ".join([name, *(path[depth] for depth in sorted(path))])
                sections.append((len(sections) + 1, title, []))
            elif line.strip() and not line.startswith(("* ", "+ ")):
                sections[-1][2].append(clean(line))
        for number, title, body in sections:
            if sum(len(text.split()) for text in body) >= MIN_WORDS:
                yield {"id": f"bp:{code}:{number}", "title": title, "text": "\n".join(body)}


def citizen_science_projects(folder: Path):
    """Yield one document per Dutch citizen-science project."""
    with (folder / "citizen-science-projects-nl.csv").open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            text = " ".join(
                part for part in (row["description"], row["organization"], row["location"]) if part
            )
            yield {
                "id": f"cs:{number}",
                "title": fix_mojibake(row["name"].strip()),
                "text": fix_mojibake(text),
            }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    data = Path(argv[1])
    for folder, documents in (
        ("leiden-bestemmingsplannen", zoning_plan_sections),
        ("citizen-science-nl", citizen_science_projects),
    ):
        for document in documents(data / folder):
            print(json.dumps(document, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
