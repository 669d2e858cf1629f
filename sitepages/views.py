"""The public site pages and the office's pages to edit them in the workspace."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import policy
from editorial.history import history_entries
from sitepages import services
from sitepages.forms import SitePageForm
from sitepages.models import SitePage


def _page_or_404(slug: str) -> SitePage:
    page = SitePage.objects.filter(slug=slug).first()
    if page is None:
        raise Http404("This site page has not been loaded (manage.py load_site_pages)")
    return page


def page(request: HttpRequest, slug: str) -> HttpResponse:
    """A site page in the visitor's language (Dutch, with a note, where no English exists)."""
    site_page = _page_or_404(slug)
    return render(request, "sitepages/page.html", {"page": site_page})


@policy.login_required
def workspace_list(request: HttpRequest) -> HttpResponse:
    """The four site pages, when each was last changed, and whether it has an English text."""
    policy.require(request.user, "sitepage.edit")
    return render(
        request,
        "sitepages/workspace_list.html",
        {"pages": SitePage.objects.order_by("slug")},
    )


@policy.login_required
def workspace_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Edit a page's Dutch and English text."""
    site_page = _page_or_404(slug)
    policy.require(request.user, "sitepage.edit", site_page)
    stored = SitePage.objects.get(pk=site_page.pk)
    form = SitePageForm(request.POST or None, instance=site_page)
    if request.method == "POST" and form.is_valid():
        services.update_site_page(
            page=stored,
            by=request.user,
            request=request,
            **{name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS},
        )
        messages.success(request, _("De pagina is opgeslagen."))
        return redirect("sitepages:workspace_edit", slug=slug)
    return render(
        request,
        "sitepages/workspace_edit.html",
        {"page": stored, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@policy.login_required
def workspace_history(request: HttpRequest, slug: str) -> HttpResponse:
    """Every version of a site page, newest first."""
    site_page = _page_or_404(slug)
    policy.require(request.user, "sitepage.edit", site_page)
    return render(
        request,
        "editorial/history.html",
        {
            "object": site_page,
            "entries": history_entries(site_page.history.select_related("history_user")),
            "back_url": reverse("sitepages:workspace_edit", args=[slug]),
        },
    )
