"""Suggest a theme for each line of text: `manage.py suggest_theme FILE` (or `-` for stdin).

Prints one JSON object per input line, in input order:
{"theme": "<slug>" or null, "confidence": 0.87, "secondary": ["<slug>", ...]}. The theme is
null ("weet ik niet") when the model is not confident enough; an empty line gives
{"theme": null, "confidence": null, "secondary": []}.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from questions.classifier import current_model, suggest_themes

BATCH_SIZE = 200


class Command(BaseCommand):
    help = (
        "Stelt per regel tekst een thema voor en schrijft per regel een JSON-object "
        '{"theme": "<slug>" of null, "confidence": 0.87, "secondary": [...]}, in dezelfde '
        "volgorde. Bij te weinig zekerheid is theme null. Gebruik - voor standaardinvoer."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="tekstbestand (UTF-8), één tekst per regel; - is stdin")

    def handle(self, *args, file: str, **options):
        if file == "-":
            lines = sys.stdin.read().splitlines()
        else:
            try:
                with open(file, encoding="utf-8") as handle:
                    lines = handle.read().splitlines()
            except (FileNotFoundError, IsADirectoryError) as error:
                raise CommandError(f"Het bestand ‘{file}’ bestaat niet.") from error
            except UnicodeDecodeError as error:
                raise CommandError(f"Het bestand ‘{file}’ is geen UTF-8-tekst.") from error
        if lines and current_model() is None:
            raise CommandError(
                "Er is nog geen themamodel. Train er eerst een: manage.py train_theme_model"
            )
        for start in range(0, len(lines), BATCH_SIZE):
            for suggestion in suggest_themes(lines[start : start + BATCH_SIZE]):
                self.stdout.write(
                    json.dumps(
                        suggestion.as_json()
                        if suggestion
                        else {"theme": None, "confidence": None, "secondary": []}
                    )
                )
