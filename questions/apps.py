"""App configuration of the Kenniswinkel: rules, menu, search kind, personal data."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Kenniswinkel")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from accounts.workspace import MenuEntry, register
        from core.caching import bump
        from portfolio.caches import CONTENT_KIND as PORTFOLIO
        from questions import (
            rules,  # noqa: F401 - registers the policy rules
            tasks,  # noqa: F401 - registers the daily expiry
        )
        from questions.caches import CONTENT_KIND
        from questions.models import Question
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

        # Cached public pages go stale when something public about questions or offers
        # changes, however it is made (services, admin, import): a new question nobody may
        # see yet, a message of its asker or an "ik ook" leave them alone. A question that
        # grew into a project is named on that project's page. Only cache invalidation
        # happens here.
        private = {"AskerMessage", "MeToo", "ThemeModel"}

        def content_changed(sender, instance=None, **kwargs):
            if sender.__name__ in private:
                return
            question = instance if sender.__name__ == "Question" else None
            if question is None and hasattr(instance, "question_id"):
                question = Question.objects.filter(pk=instance.question_id).first()
            if question is not None and not question.is_public:
                return
            bump(CONTENT_KIND)
            if question is not None and question.project_id:
                bump(PORTFOLIO)

        def offer_themes_changed(sender, **kwargs):
            bump(CONTENT_KIND)

        for model in self.get_models():
            post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-del-{model}")
        offer = self.get_model("EducationOffer")
        m2m_changed.connect(
            offer_themes_changed, sender=offer.themes.through, dispatch_uid="page-m2m-offer-themes"
        )
