"""The Kenniswinkel in the workspace (/beheer/kenniswinkel/): the coordinator's inbox, triage
and matching, and the teacher's match requests. Every view asks accounts.policy."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import policy
from editorial.forms import with_added_row, without_errors
from questions import matching, selectors, services
from questions.forms import (
    AcceptThemeForm,
    AnswerForm,
    DeclineForm,
    HandOverForm,
    OfferForm,
    PeriodFormSet,
    ProposeMatchForm,
    RespondForm,
    TriageForm,
)
from questions.models import EducationOffer, Match, OfferPeriod, Question


def _question(request, pk: int, **kwargs) -> Question:
    return get_object_or_404(Question, pk=pk)


def _match(request, pk: int) -> Match:
    return get_object_or_404(Match.objects.select_related("offer", "question"), pk=pk)


def _service_error(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _triage_initial(question: Question, suggestion=None) -> dict:
    """The triage form's starting values: the suggested theme only when the model is confident."""
    confident = suggestion.theme.pk if suggestion and suggestion.theme else None
    return {
        "public_title": question.public_title or question.title,
        "public_summary": question.public_summary,
        "theme": question.theme_id or confident,
        "neighbourhood": question.neighbourhood_id,
        "tags": question.tags,
        "level": question.level,
        "project": question.project_id or "",
    }


@require_GET
@policy.permission_required("question.inbox")
def inbox(request: HttpRequest) -> HttpResponse:
    """New questions and triaged ones waiting for a match (also after an expired request)."""
    return render(request, "questions/workspace/inbox.html", {"questions": selectors.inbox()})


@require_GET
@policy.permission_required("question.view")
def question_list(request: HttpRequest) -> HttpResponse:
    """Every question the user may see, optionally of one status."""
    status = request.GET.get("status", "")
    if status not in Question.Status.values:
        status = ""
    questions = policy.visible(
        request.user, "question.view", selectors.questions_for_workspace(status)
    )
    return render(
        request,
        "questions/workspace/question_list.html",
        {"questions": questions, "status": status, "statuses": Question.Status.choices},
    )


def _question_page(request, question: Question, *, forms: dict | None = None, status: int = 200):
    question = selectors.question_for_workspace(question.pk)
    user = request.user
    may_triage = policy.can(user, "question.triage", question)
    may_match = policy.can(user, "question.match", question)
    forms = forms or {}
    suggestion = (
        selectors.theme_suggestion(f"{question.title}\n{question.description}")
        if may_triage and not question.is_theme_confirmed
        else None
    )
    context = {
        "question": question,
        "may_triage": may_triage and question.status in services.EDITABLE_STATUSES,
        "may_decline": policy.can(user, "question.decline", question)
        and services.can_transition(question.status, Question.Status.DECLINED),
        "may_match": may_match,
        "may_progress": policy.can(user, "question.progress", question),
        "may_close": policy.can(user, "question.close", question)
        and question.status == Question.Status.ANSWERED,
        "may_see_history": policy.can(user, "question.history", question),
        "triage_form": forms.get("triage")
        or TriageForm(initial=_triage_initial(question, suggestion)),
        "theme_suggestion": suggestion,
        "decline_form": forms.get("decline") or DeclineForm(),
        "Status": Question.Status,
    }
    if may_triage:
        context["similar"] = selectors.similar_questions(question)
    if may_match and question.status == Question.Status.TRIAGED:
        has_open = question.matches.filter(status__in=selectors.OPEN_MATCH_STATUSES).exists()
        context["has_open_match"] = has_open
        if not has_open:
            context["suggestions"] = matching.suggest_matches(question)
            context["expires_default"] = matching.expiry_default().isoformat()
    if context["may_see_history"]:
        context["history"] = selectors.question_history(question)
    return render(request, "questions/workspace/question.html", context, status=status)


@require_GET
@policy.permission_required("question.view", get_object=_question)
def question_detail(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    return _question_page(request, obj)


@require_POST
@policy.permission_required("question.triage", get_object=_question)
def triage(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    form = TriageForm(request.POST)
    if not form.is_valid():
        return _question_page(request, obj, forms={"triage": form}, status=400)
    try:
        services.triage_question(question=obj, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        _service_error(request, error)
        return _question_page(request, obj, forms={"triage": form}, status=400)
    messages.success(request, _("De vraag is beoordeeld en opgeslagen."))
    return redirect("kenniswinkel:question", pk=obj.pk)


@require_POST
@policy.permission_required("question.triage", get_object=_question)
def accept_theme(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    """One click: confirm the suggested theme of a question."""
    form = AcceptThemeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("kenniswinkel:question", pk=obj.pk)
    try:
        services.set_question_theme(question=obj, theme=form.cleaned_data["theme"], by=request.user)
    except ValidationError as error:
        _service_error(request, error)
    else:
        messages.success(
            request,
            _("Thema ‘%(theme)s’ overgenomen.") % {"theme": form.cleaned_data["theme"].name},
        )
    return redirect("kenniswinkel:question", pk=obj.pk)


@require_POST
@policy.permission_required("question.decline", get_object=_question)
def decline(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _question_page(request, obj, forms={"decline": form}, status=400)
    try:
        services.decline_question(question=obj, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        _service_error(request, error)
        return _question_page(request, obj, forms={"decline": form}, status=400)
    messages.success(request, _("De vraag is afgewezen; de vraagsteller krijgt bericht."))
    return redirect("kenniswinkel:inbox")


@require_POST
@policy.permission_required("question.match", get_object=_question)
def propose(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    form = ProposeMatchForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("kenniswinkel:question", pk=obj.pk)
    offer = EducationOffer.objects.filter(pk=form.cleaned_data["offer"]).first()
    period = OfferPeriod.objects.filter(pk=form.cleaned_data["period"]).first()
    if offer is None or period is None:
        messages.error(request, _("Dit aanbod of deze periode bestaat niet (meer)."))
        return redirect("kenniswinkel:question", pk=obj.pk)
    reasons = next(
        (s.reasons for s in matching.suggest_matches(obj, limit=50) if s.offer.pk == offer.pk), []
    )
    try:
        services.propose_match(
            question=obj,
            offer=offer,
            period=period,
            by=request.user,
            score=form.cleaned_data.get("score") or 0.0,
            reasons=reasons,
            message=form.cleaned_data["message"],
            expires_at=form.expires_at(),
        )
    except ValidationError as error:
        _service_error(request, error)
    else:
        messages.success(request, _("Het koppelverzoek is naar de docent gestuurd."))
    return redirect("kenniswinkel:question", pk=obj.pk)


@require_POST
@policy.permission_required("question.match", get_object=_question)
def withdraw(request: HttpRequest, pk: int, match_pk: int, obj: Question) -> HttpResponse:
    match = get_object_or_404(Match, pk=match_pk, question=obj)
    try:
        services.withdraw_match(match=match, by=request.user)
    except ValidationError as error:
        _service_error(request, error)
    else:
        messages.success(request, _("Het koppelverzoek is ingetrokken."))
    return redirect("kenniswinkel:question", pk=obj.pk)


@require_POST
@policy.permission_required("question.progress", get_object=_question)
def start(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    try:
        services.start_work(question=obj, by=request.user)
    except ValidationError as error:
        _service_error(request, error)
    else:
        messages.success(request, _("De vraag staat nu op ‘in uitvoering’."))
    return redirect(_back(request, obj))


def _back(request, question: Question) -> str:
    """Back to the question page, or for a teacher to their match request."""
    if policy.can(request.user, "question.view", question) and policy.can(
        request.user, "question.inbox"
    ):
        return reverse("kenniswinkel:question", kwargs={"pk": question.pk})
    match = (
        question.matches.filter(status__in=[Match.Status.ACCEPTED, Match.Status.DONE])
        .order_by("-created_at")
        .first()
    )
    if match is not None:
        return reverse("kenniswinkel:match", kwargs={"pk": match.pk})
    return reverse("kenniswinkel:matches")


@require_http_methods(["GET", "POST"])
@policy.permission_required("question.progress", get_object=_question)
def answer(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    form = AnswerForm(request.POST or None, initial={"answer_summary": obj.answer_summary})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_answer(question=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _service_error(request, error)
        else:
            messages.success(request, _("Het antwoord staat nu bij de vraag."))
            return redirect(_back(request, obj))
    return render(
        request,
        "questions/workspace/answer.html",
        {"question": obj, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@policy.permission_required("question.progress", get_object=_question)
def hand_over(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    form = HandOverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.hand_over(question=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _service_error(request, error)
        else:
            messages.success(
                request, _("Het dossier is opgeslagen; de vraag wacht op een nieuwe groep.")
            )
            return redirect(_back(request, obj))
    return render(
        request,
        "questions/workspace/hand_over.html",
        {"question": obj, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@policy.permission_required("question.close", get_object=_question)
def close(request: HttpRequest, pk: int, obj: Question) -> HttpResponse:
    try:
        services.close_question(question=obj, by=request.user)
    except ValidationError as error:
        _service_error(request, error)
    else:
        messages.success(request, _("De vraag is afgesloten."))
    return redirect("kenniswinkel:question", pk=obj.pk)


@require_GET
@policy.permission_required("match.respond")
def match_list(request: HttpRequest) -> HttpResponse:
    """The teacher's match requests: open ones to answer, and earlier ones."""
    matches = selectors.matches_for_teacher(
        policy.visible(request.user, "match.respond", Match.objects.all())
    )
    return render(request, "questions/workspace/match_list.html", {"matches": matches})


@require_http_methods(["GET", "POST"])
@policy.permission_required("match.respond", get_object=_match)
def match_detail(request: HttpRequest, pk: int, obj: Match) -> HttpResponse:
    """A match request: the question, the dossier of earlier groups, accept or decline."""
    form = RespondForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.respond_to_match(
                match=obj, by=request.user, accept=accept, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            _service_error(request, error)
        else:
            messages.success(
                request,
                _("U heeft het verzoek geaccepteerd.")
                if accept
                else _("U heeft het verzoek afgewezen."),
            )
            return redirect("kenniswinkel:match", pk=obj.pk)
    match = selectors.match_for_page(obj.pk)
    return render(
        request,
        "questions/workspace/match.html",
        {
            "match": match,
            "form": form,
            "may_progress": policy.can(request.user, "question.progress", match.question),
            "Status": Question.Status,
        },
        status=400 if form.errors else 200,
    )


@require_GET
@policy.permission_required("offer.view")
def offer_list(request: HttpRequest) -> HttpResponse:
    offers = policy.visible(request.user, "offer.view", selectors.offers_for_overview())
    return render(
        request,
        "questions/workspace/offer_list.html",
        {"offers": offers, "may_manage": policy.can(request.user, "offer.manage")},
    )


def _offer(request, pk: int, **kwargs) -> EducationOffer:
    return get_object_or_404(
        EducationOffer.objects.select_related("institution").prefetch_related(
            "periods", "themes", "teachers"
        ),
        pk=pk,
    )


def _offer_form(request: HttpRequest, offer: EducationOffer | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    add_row = data is not None and data.get("add_row") == "periods"
    if add_row:
        data = with_added_row(data, "periods")
    form = OfferForm(data, instance=offer)
    periods = PeriodFormSet(
        data,
        prefix="periods",
        initial=None
        if data is not None or offer is None
        else [
            {"academic_year": p.academic_year, "term": p.term, "capacity": p.capacity}
            for p in offer.periods.all()
        ],
    )
    if add_row:
        without_errors(form, periods)
    elif data is not None and form.is_valid() and periods.is_valid():
        fields = {
            name: form.cleaned_data[name]
            for name in form.cleaned_data
            if name not in ("themes", "teachers")
        }
        stored = EducationOffer.objects.get(pk=offer.pk) if offer is not None else None
        try:
            saved = services.save_offer(
                offer=stored,
                themes=list(form.cleaned_data["themes"]),
                teachers=list(form.cleaned_data["teachers"]),
                periods=[
                    row
                    for row in periods.cleaned_data
                    if row and not row.get("DELETE") and row.get("term")
                ],
                by=request.user,
                request=request,
                **fields,
            )
        except ValidationError as error:
            _service_error(request, error)
        else:
            messages.success(request, _("Het aanbod is opgeslagen."))
            return redirect("kenniswinkel:offer_edit", pk=saved.pk)
    return render(
        request,
        "questions/workspace/offer_form.html",
        {"form": form, "periods": periods, "offer": offer},
        status=400 if data is not None and not add_row else 200,
    )


@require_http_methods(["GET", "POST"])
@policy.permission_required("offer.manage")
def offer_create(request: HttpRequest) -> HttpResponse:
    """A new education offer, with its periods and places."""
    return _offer_form(request, None)


@require_http_methods(["GET", "POST"])
@policy.permission_required("offer.manage", get_object=_offer)
def offer_edit(request: HttpRequest, pk: int, obj: EducationOffer) -> HttpResponse:
    """Change an offer: the same service and rules as the import, with history."""
    return _offer_form(request, obj)


@require_GET
@policy.permission_required("offer.manage", get_object=_offer)
def offer_history(request: HttpRequest, pk: int, obj: EducationOffer) -> HttpResponse:
    """Every version of an offer (from the workspace and from imports), newest first."""
    from editorial.history import history_entries

    return render(
        request,
        "editorial/history.html",
        {
            "object": obj,
            "entries": history_entries(obj.history.select_related("history_user")),
            "back_url": reverse("kenniswinkel:offer_edit", args=[obj.pk]),
        },
    )
