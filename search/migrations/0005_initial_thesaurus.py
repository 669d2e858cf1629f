"""The first search thesaurus (search/data/thesaurus_nl.json); the programme office keeps it
from then on in the admin. Concepts already there are left as they are."""

import json
from pathlib import Path

from django.db import migrations

THESAURUS = Path(__file__).resolve().parent.parent / "data" / "thesaurus_nl.json"


def add_concepts(apps, schema_editor):
    Concept = apps.get_model("search", "Concept")
    for entry in json.loads(THESAURUS.read_text(encoding="utf-8")):
        Concept.objects.get_or_create(label=entry["label"], defaults=entry)


def remove_concepts(apps, schema_editor):
    Concept = apps.get_model("search", "Concept")
    labels = [entry["label"] for entry in json.loads(THESAURUS.read_text(encoding="utf-8"))]
    Concept.objects.filter(label__in=labels).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_document_keywords_parts_and_thesaurus")]

    operations = [migrations.RunPython(add_concepts, remove_concepts)]
