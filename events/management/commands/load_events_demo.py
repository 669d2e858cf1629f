"""Load the agenda's example events."""

from events.loaders import load_events_demo
from portfolio.management.commands._loading import LoadCommand


class Command(LoadCommand):
    help = (
        "Laadt voorbeeldactiviteiten voor de agenda (gemarkeerd als voorbeeld; een paar al "
        "geweest, één afgelast). Vereist load_programme en load_demo. Veilig om vaker te draaien."
    )
    load = staticmethod(load_events_demo)
