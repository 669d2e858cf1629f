"""Train the theme classifier on the platform's labelled texts: `manage.py train_theme_model`."""

from django.core.management.base import CommandError

from core.background import TaskCommand
from questions.classifier import NotEnoughExamples, train_theme_model
from questions.models import ThemeModel
from questions.tasks import train_theme_model as train_task


class Command(TaskCommand):
    help = (
        "Traint het themamodel op gepubliceerde projecten en beoordeelde vragen (ook de "
        "correcties van coördinatoren) en slaat het op als nieuwe versie."
    )
    task = train_task

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="alleen trainen als er nog geen model is (voor make run)",
        )

    def handle(self, *args, if_missing: bool = False, **options):
        if if_missing and ThemeModel.objects.exists():
            self.stdout.write("Er is al een themamodel; niets gedaan.")
            return
        super().handle(*args, **options)

    def run(self, **options):
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
