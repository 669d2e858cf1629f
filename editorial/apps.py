"""The workspace (/beheer/): where partners, the programme office and others do their work."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Werkplek")

    def ready(self) -> None:
        from accounts.workspace import MenuEntry, register
        from editorial import (
            tasks,  # noqa: F401 - registers the retention task
            waiting,
        )

        waiting.register()

        for entry in (
            MenuEntry(_("Overzicht"), "editorial:dashboard", "workspace.dashboard", 0),
            MenuEntry(_("Projecten"), "editorial:projects", "project.view", 10),
            MenuEntry(_("Nieuw project"), "editorial:project_create", "project.create", 11),
            MenuEntry(_("Ter beoordeling"), "editorial:review_queue", "project.review", 20),
            MenuEntry(_("Prullenbak"), "editorial:trash", "project.undelete", 30),
            MenuEntry(_("Gebruikers"), "editorial:users", "accounts.manage", 80),
            MenuEntry(_("Logboek"), "editorial:audit_log", "audit.view", 90),
        ):
            register(entry)
