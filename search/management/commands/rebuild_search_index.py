"""Rebuild the search index from scratch: `manage.py rebuild_search_index`."""

import sys
from functools import partial

from django.core.management.base import BaseCommand
from tqdm import tqdm

from search.registry import registered_kinds
from search.services import rebuild_index


class Command(BaseCommand):
    help = "Bouw de zoekindex opnieuw op: leer de woordenlijst en analyseer alle teksten."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            choices=[kind.kind for kind in registered_kinds()],
            help="alleen deze soort (mag vaker)",
        )
        parser.add_argument("--no-progress", action="store_true", help="geen voortgangsbalk")

    def handle(self, *args, kind, no_progress, **options):
        progress = partial(tqdm, file=sys.stderr, leave=False, disable=no_progress)
        written = rebuild_index(kinds=kind, progress=progress)
        for name, count in written.items():
            self.stdout.write(f"{name}: {count} geïndexeerd")
