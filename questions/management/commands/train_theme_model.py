"""Train the theme classifier on the platform's labelled texts and the shipped corpus:
`manage.py train_theme_model` (`--if-missing` for `make data`, `--if-changed` after content
changes, `--refresh-embeddings` after editing questions/data/theme_corpus/)."""

from django.core.management.base import CommandError

from core.background import TaskCommand
from questions.classifier import (
    NotEnoughExamples,
    current_model,
    retrain_if_changed,
    train_theme_model,
    write_embedding_cache,
)
from questions.tasks import train_theme_model as train_task


class Command(TaskCommand):
    help = (
        "Traint het themamodel op gepubliceerde projecten, beoordeelde vragen (ook de "
        "correcties van coördinatoren) en het meegeleverde corpus, en slaat het op als nieuwe "
        "versie."
    )
    task = train_task

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="alleen trainen als er nog geen model is (voor make run)",
        )
        parser.add_argument(
            "--if-changed",
            action="store_true",
            help="alleen trainen als de gelabelde teksten veranderd zijn sinds het nieuwste model",
        )
        parser.add_argument(
            "--refresh-embeddings",
            action="store_true",
            help="eerst de opgeslagen embeddings van het corpus opnieuw berekenen",
        )

    def handle(self, *args, if_missing: bool = False, **options):
        # A model stored by an older version of the classifier does not count (it cannot answer).
        if if_missing and current_model() is not None:
            self.stdout.write("Er is al een themamodel; niets gedaan.")
            return
        super().handle(*args, **options)

    def run(self, *, if_changed: bool = False, refresh_embeddings: bool = False, **options):
        if refresh_embeddings:
            count = write_embedding_cache()
            self.stdout.write(f"Embeddings van {count} corpusteksten opgeslagen.")
        if if_changed:
            model = retrain_if_changed()
            if model is None:
                self.stdout.write("Niets veranderd (of nog geen model); niet opnieuw getraind.")
                return
        else:
            try:
                model = train_theme_model()
            except NotEnoughExamples as error:
                raise CommandError(str(error)) from error
        accuracy = model.metrics.get("cross_validated_accuracy")
        self.stdout.write(
            self.style.SUCCESS(
                f"Themamodel v{model.version}: {model.sample_count} voorbeelden, thema's "
                f"{', '.join(model.labels)}"
                + (f", kruisgevalideerde nauwkeurigheid {accuracy:.2f}" if accuracy else "")
                + "."
            )
        )
