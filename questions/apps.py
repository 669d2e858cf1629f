"""App configuration of the Kenniswinkel: rules, menu, search kind, personal data."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Kenniswinkel")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from accounts.workspace import MenuEntry, register
        from kennisstad.caching import bump_content_version
        from questions import rules  # noqa: F401 - registers the policy rules
        from questions.privacy import register_provider
        from questions.search_index import register_search_kinds

        register_search_kinds()
        register_provider()
        register(MenuEntry(_("Kenniswinkel: inbox"), "kenniswinkel:inbox", "question.inbox", 20))
        register(MenuEntry(_("Alle vragen"), "kenniswinkel:questions", "question.inbox", 21))
        register(MenuEntry(_("Koppelverzoeken"), "kenniswinkel:matches", "match.respond", 22))
        register(MenuEntry(_("Onderwijsaanbod"), "kenniswinkel:offers", "offer.view", 23))
        from questions import waiting

        waiting.register()

        # Cached public pages go stale with any change to questions and offers (however it is
        # made: services, admin, import). Only cache invalidation happens here.
        def content_changed(sender, **kwargs):
            bump_content_version()

        for model in self.get_models():
            post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-del-{model}")
        offer = self.get_model("EducationOffer")
        m2m_changed.connect(
            content_changed, sender=offer.themes.through, dispatch_uid="page-m2m-offer-themes"
        )
