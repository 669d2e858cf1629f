"""A theme model trained on the programme's themes and the shipped corpus, for the tests that
need a realistic one (calibration, the pages that show suggestions).

Training takes a while, so it happens once per test process; each test gets the same trained
model stored as its own `ThemeModel` row.
"""

from django.core.management import call_command

from questions import classifier
from questions.models import ThemeModel

_trained: dict[str, object] = {}


def install_trained_theme_model() -> ThemeModel:
    """Store the corpus-trained model (training it on the first call) as the newest version."""
    from portfolio.models import Theme

    if not Theme.objects.filter(slug="gezondheid-welzijn").exists():
        call_command("load_programme", verbosity=0)
    if "row" not in _trained:
        model = classifier.train_theme_model()
        _trained["row"] = {
            field: getattr(model, field)
            for field in ("sample_count", "labels", "metrics", "library_version", "model")
        }
        return model
    classifier.forget_model()
    return ThemeModel.objects.create(
        version=(
            ThemeModel.objects.order_by("-version").values_list("version", flat=True).first() or 0
        )
        + 1,
        **_trained["row"],
    )
