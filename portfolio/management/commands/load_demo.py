"""Load the example projects that show what the platform can do."""

from portfolio.loaders import load_demo
from portfolio.management.commands._loading import LoadCommand


class Command(LoadCommand):
    help = (
        "Laadt de voorbeeldprojecten (gemarkeerd als voorbeeld) en hun organisaties. "
        "Vereist dat `manage.py load_programme` al gedraaid heeft. Veilig om vaker te draaien."
    )
    load = staticmethod(load_demo)
