"""Load the programme, its themes, flagships and core partners, and Leiden's areas."""

from portfolio.loaders import load_programme
from portfolio.management.commands._loading import LoadCommand


class Command(LoadCommand):
    help = (
        "Laadt het programma Leiden Kennisstad (thema's, vlaggenschepen, kernpartners) en de "
        "wijken en buurten van Leiden (CBS). Veilig om vaker te draaien: bestaande gegevens "
        "worden bijgewerkt, er ontstaan geen dubbele."
    )
    load = staticmethod(load_programme)
