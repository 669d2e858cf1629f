"""Load the Kenniswinkel's example offers, questions and demo accounts."""

from portfolio.management.commands._loading import LoadCommand
from questions.loaders import load_questions_demo


class Command(LoadCommand):
    help = (
        "Laadt voorbeeldaanbod en voorbeeldvragen van de Kenniswinkel (in elke status) en "
        "demo-accounts zonder wachtwoord (zet er een met `manage.py changepassword "
        "demo-coordinator`). Vereist load_programme. Veilig om vaker te draaien."
    )
    load = staticmethod(load_questions_demo)
