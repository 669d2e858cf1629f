"""Public pages of the Kenniswinkel: asking, following by private link, the list and a question.

No page here shows who asked: not the e-mail address, not the organisation's name, not
what the asker wrote (only the public text written at triage) — except the private page
behind the asker's own link.
"""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods

from core.caching import cached_page, is_htmx_fragment
from core.pagination import page_of
from questions import selectors, services
from questions.caches import CONTENT_KIND
from questions.forms import AskerMessageForm, AskQuestionForm, MeTooForm, NewLinkForm
from questions.models import Question

PER_PAGE = 20
CONFIRMATION_SESSION_KEY = "questions:asked"


def _private(response: HttpResponse) -> HttpResponse:
    """Keep a page with personal data out of caches, search engines and referrers."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # "same-origin", not "no-referrer": the private link never leaves the site in a Referer,
    # while our own forms keep their Origin header (no-referrer makes it "null", which the
    # CSRF check refuses).
    response["Referrer-Policy"] = "same-origin"
    return response


def _add_service_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """The public question form; "check for similar questions" works without JavaScript."""
    similar = []
    suggestion = None
    preselected = False
    if request.method == "POST" and "check_similar" in request.POST:
        data = {name: request.POST.get(name, "") for name in AskQuestionForm.base_fields}
        data["consent"] = request.POST.get("consent") == "on"
        text = f"{data['title']}\n{data['description']}"
        suggestion = selectors.theme_suggestion(text)
        preselected = _preselect_theme(data, suggestion)
        form = AskQuestionForm(initial=data, request=request)
        similar = selectors.similar_public_questions(text)
        checked = True
    elif request.method == "POST":
        form = AskQuestionForm(request.POST, request=request)
        checked = False
        if form.is_valid():
            data = form.cleaned_data
            try:
                question, token = services.ask_question(
                    title=data["title"],
                    description=data["description"],
                    asker_kind=data["asker_kind"],
                    organisation_name=data["organisation_name"],
                    email=data["email"],
                    neighbourhood=data["neighbourhood"],
                    theme=data["theme"],
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                form.mark_used()
                request.session[CONFIRMATION_SESSION_KEY] = {"id": question.pk, "token": token}
                return redirect("questions:asked")
        # A form shown again gets a new start time; the fill-time rule has been met already.
        form.data = form.data.copy()
        form.data["form_started"] = form.fresh_token()
    else:
        form = AskQuestionForm(request=request)
        checked = False
    status = 400 if request.method == "POST" and form.is_bound and form.errors else 200
    response = render(
        request,
        "questions/ask.html",
        {
            "form": form,
            "similar": similar,
            "checked": checked,
            "theme_suggestion": suggestion,
            "preselected": preselected,
        },
        status=status,
    )
    if request.method == "GET":
        # The empty form is how residents find the way to ask: search engines may index it.
        # It is never cached (its anti-spam start time and CSRF token are per visitor).
        add_never_cache_headers(response)
        return response
    return _private(response)


def _preselect_theme(data: dict, suggestion) -> bool:
    """Choose the suggested theme for the asker, only when confident and none was chosen."""
    if suggestion is None or suggestion.theme is None or data.get("theme"):
        return False
    data["theme"] = suggestion.theme.slug
    return True


@require_GET
def similar(request: HttpRequest) -> HttpResponse:
    """Public questions like the one being typed, and the suggested theme (an htmx fragment of
    the ask form: the theme parts are swapped out of band)."""
    text = f"{request.GET.get('title', '')}\n{request.GET.get('description', '')}"[:2000]
    questions = selectors.similar_public_questions(text) if len(text.strip()) >= 4 else []
    suggestion = selectors.theme_suggestion(text)
    data = {"theme": request.GET.get("theme", "")}
    preselected = _preselect_theme(data, suggestion)
    return render(
        request,
        "questions/_similar.html",
        {
            "similar": questions,
            "checked": True,
            "theme_suggestion": suggestion,
            "preselected": preselected,
            "theme_form": AskQuestionForm(initial=data, request=request) if preselected else None,
            "out_of_band": True,
        },
    )


@require_GET
def asked(request: HttpRequest) -> HttpResponse:
    """The confirmation page after asking, with the private link shown once."""
    asked = request.session.pop(CONFIRMATION_SESSION_KEY, None)
    context = {}
    if asked:
        question = Question.objects.filter(pk=asked["id"]).first()
        if question is not None:
            context = {
                "follow_url": request.build_absolute_uri(
                    reverse("questions:follow", kwargs={"token": asked["token"]})
                ),
                "similar": selectors.similar_public_questions(
                    f"{question.title} {question.description}", limit=3
                ),
            }
    return _private(render(request, "questions/asked.html", context))


@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest, token: str) -> HttpResponse:
    """The asker's private page: status, history, and a form to add information."""
    question = services.question_for_token(token)
    if question is None:
        response = render(request, "questions/follow_unknown.html", status=404)
        return _private(response)
    form = AskerMessageForm(request.POST or None)
    added = False
    if request.method == "POST" and form.is_valid():
        try:
            services.add_asker_message(question=question, text=form.cleaned_data["text"])
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            form = AskerMessageForm()
            added = True
    response = render(
        request,
        "questions/follow.html",
        {
            "question": question,
            "changes": question.status_changes.all(),
            "messages_added": question.asker_messages.all(),
            "form": form,
            "added": added,
            "can_add": question.status not in (Question.Status.CLOSED, Question.Status.DECLINED),
        },
        status=400 if form.errors else 200,
    )
    return _private(response)


@require_http_methods(["GET", "POST"])
def new_link(request: HttpRequest) -> HttpResponse:
    """Ask for fresh private links; the answer never says whether the address is known."""
    form = NewLinkForm(request.POST or None, request=request)
    sent = False
    if request.method == "POST" and form.is_valid():
        services.send_new_links(email=form.cleaned_data["email"])
        form.mark_used()
        sent = True
        form = NewLinkForm(request=request)
    response = render(
        request,
        "questions/new_link.html",
        {"form": form, "sent": sent},
        status=400 if form.is_bound and form.errors else 200,
    )
    return _private(response)


@cached_page(CONTENT_KIND)
@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    """Public questions with facets and search: open ones for students, answered ones as the
    Kenniswinkel's knowledge base."""
    filters = selectors.parse_question_filters(request.GET)
    results, total = selectors.questions_for_search(filters)
    page = page_of(request, results, PER_PAGE)
    query = request.GET.copy()
    query.pop("pagina", None)

    def link(parameter: str, option) -> str:
        changed = query.copy()
        if option.is_selected:
            changed.pop(parameter, None)
        else:
            changed[parameter] = option.value
        return changed.urlencode()

    facets = [
        (facet, [(option, link(facet.parameter, option)) for option in facet.options])
        for facet in selectors.question_facets(filters)
    ]
    context = {
        "filters": filters,
        "page": page,
        "total": total,
        "facets": facets,
        "query": query.urlencode(),
    }
    template = (
        "questions/_question_results.html"
        if is_htmx_fragment(request)
        else "questions/question_list.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Boosted", "HX-History-Restore-Request"])
    return response


@cached_page(CONTENT_KIND)
@require_GET
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A public question: its status, and when answered the summary and the report."""
    question = selectors.question_for_public_page(pk)
    if question is None:
        raise Http404("No public question with this id")
    return render(
        request,
        "questions/question_detail.html",
        {
            "question": question,
            "similar": selectors.similar_public_questions(
                f"{question.public_title} {question.public_summary}", limit=4, exclude=question.pk
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def me_too(request: HttpRequest, pk: int) -> HttpResponse:
    """Say "me too" on a public question instead of asking it again."""
    question = get_object_or_404(selectors.public_questions(), pk=pk)
    form = MeTooForm(request.POST or None, request=request)
    done = False
    if request.method == "POST" and form.is_valid():
        try:
            services.add_me_too(question=question, email=form.cleaned_data["email"])
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            form.mark_used()
            done = True
    response = render(
        request,
        "questions/me_too.html",
        {"question": question, "form": form, "done": done},
        status=400 if form.is_bound and form.errors else 200,
    )
    return _private(response)
