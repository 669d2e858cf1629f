"""A throwaway Kennisstad database for the Kenniswinkel evaluations, filled as `make run` does.

Call `prepare_site()` before importing any Django model: it points DATABASE_URL at a new
SQLite file in a temporary directory, sets Django up, migrates, and loads the programme, the
demo projects and the Kenniswinkel's demo offers and questions, then builds the search index
(whose vocabulary the analyser uses for compound splitting).
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def prepare_site(*, quiet: bool = True) -> Path:
    sys.path.insert(0, str(ROOT))
    directory = Path(tempfile.mkdtemp(prefix="kenniswinkel-eval-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'eval.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisstad.settings")
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command

    verbosity = 0 if quiet else 1
    call_command("migrate", verbosity=verbosity)
    call_command("load_programme", verbosity=verbosity)
    call_command("load_demo", verbosity=verbosity)
    call_command("load_questions_demo", verbosity=verbosity)
    call_command("rebuild_search_index", "--no-progress", verbosity=verbosity)
    return directory
